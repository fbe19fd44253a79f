package dev.kiln.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.catalog.model.EffectivePrivilege;
import dev.kiln.catalog.model.EffectivePrivilegeAssignment;
import dev.kiln.catalog.model.GrantChanges;
import dev.kiln.catalog.model.Privilege;
import dev.kiln.catalog.model.PrivilegeAssignment;
import dev.kiln.catalog.model.SecurableType;
import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantsTest extends MockServerTest {
  @Test
  void getGrantsSendsTheLowercaseTypeAndFollowsEveryPage() throws Exception {
    enqueueJson("{'privilege_assignments': [{'principal': 'etl-sp', 'privileges': ['SELECT', 'FUTURE_THING']}],"
        + " 'next_page_token': 'p2'}");
    enqueueJson("{'privilege_assignments': [{'principal': 'analysts', 'privileges': ['USE_CATALOG']}]}");

    List<PrivilegeAssignment> grants = uc.getGrantsAsync(SecurableType.TABLE, "main.sales.orders", null).get();

    assertEquals(2, grants.size());
    assertEquals(List.of(Privilege.SELECT, Privilege.UNKNOWN), grants.get(0).privileges());
    assertEquals(List.of("SELECT", "FUTURE_THING"), grants.get(0).rawPrivileges());
    take("GET", UC + "/permissions/table/main.sales.orders?max_results=0", null);
    take("GET", UC + "/permissions/table/main.sales.orders?max_results=0&page_token=p2", null);
  }

  @Test
  void getGrantsForOnePrincipal() {
    enqueueJson("{'privilege_assignments': [{'principal': 'etl sp@x.com', 'privileges': ['USE_CATALOG']}]}");

    List<PrivilegeAssignment> grants = uc.getGrants(SecurableType.CATALOG, "bronze", "etl sp@x.com");

    assertEquals("etl sp@x.com", grants.get(0).principal());
    take("GET", UC + "/permissions/catalog/bronze?principal=etl%20sp%40x.com&max_results=0", null);
  }

  @Test
  void effectiveGrantsKeepWhereAPrivilegeCameFrom() {
    enqueueJson("{'privilege_assignments': [{'principal': 'etl-sp', 'privileges': ["
        + " {'privilege': 'SELECT', 'inherited_from_type': 'CATALOG', 'inherited_from_name': 'bronze'},"
        + " {'privilege': 'MODIFY'}]}]}");

    List<EffectivePrivilegeAssignment> grants = uc.getEffectiveGrants(SecurableType.SCHEMA, "bronze.erp");

    EffectivePrivilege select = grants.get(0).privileges().get(0);
    assertEquals(Privilege.SELECT, select.privilege());
    assertEquals(SecurableType.CATALOG, select.inheritedFromType().orElseThrow());
    assertEquals("bronze", select.inheritedFromName().orElseThrow());
    assertTrue(select.isInherited());
    assertFalse(grants.get(0).privileges().get(1).isInherited());
    take("GET", UC + "/effective-permissions/schema/bronze.erp?max_results=0", null);
  }

  @Test
  void updateGrantsSendsTheFlatChangesShape() {
    enqueueJson("{'privilege_assignments': [{'principal': 'erp-sp', 'privileges': ['USE_CATALOG', 'SELECT']}]}");

    GrantChanges changes = GrantChanges.builder()
        .grant("erp-sp", Privilege.USE_CATALOG, Privilege.SELECT)
        .revoke("analysts", Privilege.MODIFY)
        .grant("erp-sp", Privilege.SELECT) // said twice, sent once
        .revoke("erp-sp", "MODIFY")
        .grant("future", "SOME_NEW_PRIVILEGE")
        .build();
    List<PrivilegeAssignment> after = uc.updateGrants(SecurableType.CATALOG, "gold", changes);

    assertEquals(List.of(Privilege.USE_CATALOG, Privilege.SELECT), after.get(0).privileges());
    take("PATCH", UC + "/permissions/catalog/gold", "{'changes': ["
        + " {'principal': 'erp-sp', 'add': ['USE_CATALOG', 'SELECT'], 'remove': ['MODIFY']},"
        + " {'principal': 'analysts', 'remove': ['MODIFY']},"
        + " {'principal': 'future', 'add': ['SOME_NEW_PRIVILEGE']}]}");
  }

  @Test
  void freeFormSecurablesAreOneSegment() {
    enqueueJson("{}");
    assertEquals(List.of(), uc.getGrants(SecurableType.EXTERNAL_LOCATION, "landing zone/2026"));
    take("GET", UC + "/permissions/external_location/landing%20zone%2F2026?max_results=0", null);
  }

  @Test
  void builderRefusesWhatTheServerWouldNot() {
    assertThrows(InvalidRequestException.class, () -> GrantChanges.builder().build());
    assertThrows(InvalidRequestException.class, () -> GrantChanges.builder().grant(" ", Privilege.SELECT));
    assertThrows(InvalidRequestException.class, () -> GrantChanges.builder().grant("p", new Privilege[0]));
    assertThrows(InvalidRequestException.class, () -> GrantChanges.builder().grant("p", Privilege.UNKNOWN));
    assertThrows(InvalidRequestException.class, () -> GrantChanges.builder().grant("p", "DROP TABLE"));
    assertThrows(InvalidRequestException.class,
        () -> GrantChanges.builder().grant("p", Privilege.SELECT).revoke("p", "select").build());
  }

  @Test
  void badSecurablesFailBeforeSending() {
    GrantChanges changes = GrantChanges.builder().grant("p", Privilege.SELECT).build();
    assertThrows(InvalidRequestException.class, () -> uc.getGrants(SecurableType.TABLE, "main.sales"));
    assertThrows(InvalidRequestException.class, () -> uc.getGrants(SecurableType.CATALOG, "a.b"));
    assertThrows(InvalidRequestException.class, () -> uc.getGrants(SecurableType.UNKNOWN, "a"));
    assertThrows(InvalidRequestException.class, () -> uc.getGrants(null, "a"));
    assertThrows(InvalidRequestException.class, () -> uc.getGrants(SecurableType.CATALOG, "a", " "));
    assertTrue(uc.updateGrantsAsync(SecurableType.SCHEMA, "a", changes).isCompletedExceptionally());
    assertTrue(uc.updateGrantsAsync(SecurableType.SCHEMA, "a.b", null).isCompletedExceptionally());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void securableTypesParseEitherCase() {
    assertEquals(SecurableType.STORAGE_CREDENTIAL, SecurableType.fromWire("storage_credential"));
    assertEquals(SecurableType.UNKNOWN, SecurableType.fromWire("hologram"));
    assertEquals("external_location", SecurableType.EXTERNAL_LOCATION.wireName());
  }
}
