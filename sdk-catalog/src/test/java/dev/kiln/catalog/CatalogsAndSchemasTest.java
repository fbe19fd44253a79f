package dev.kiln.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.catalog.model.CatalogInfo;
import dev.kiln.catalog.model.CreateCatalog;
import dev.kiln.catalog.model.CreateSchema;
import dev.kiln.catalog.model.SchemaInfo;
import dev.kiln.catalog.model.UpdateCatalog;
import dev.kiln.catalog.model.UpdateSchema;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.ResourceConflictException;
import dev.kiln.core.testing.Wire;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogsAndSchemasTest extends MockServerTest {
  @Test
  void listCatalogsIsLazySendsMaxResultsAndFollowsTokensPastEmptyPages() {
    enqueueJson("{'catalogs': [{'name': 'bronze', 'owner': 'me', 'created_at': 1700000000000}],"
        + " 'next_page_token': 't1'}");
    enqueueJson("{'next_page_token': 't 2'}"); // an empty page that still carries a token
    enqueueJson("{'catalogs': [{'name': 'silver', 'properties': {'tier': 's'}}]}");

    PagedIterable<CatalogInfo> catalogs = uc.listCatalogs();
    assertEquals(0, server.getRequestCount(), "nothing sent before iteration");
    List<CatalogInfo> all = catalogs.stream().collect(Collectors.toList());

    assertEquals(List.of("bronze", "silver"), all.stream().map(CatalogInfo::name).collect(Collectors.toList()));
    assertEquals(1700000000000L, all.get(0).createdAt().orElseThrow());
    assertEquals(Map.of("tier", "s"), all.get(1).properties());
    take("GET", UC + "/catalogs?max_results=0", null);
    take("GET", UC + "/catalogs?max_results=0&page_token=t1", null);
    take("GET", UC + "/catalogs?max_results=0&page_token=t%202", null);
  }

  @Test
  void pageSizeOptionIsSentAsMaxResults() {
    uc = CatalogClient.create(db, CatalogOptions.builder().pageSize(25).build());
    enqueueJson("{'schemas': [{'name': 'default', 'catalog_name': 'main', 'full_name': 'main.default'}]}");

    List<SchemaInfo> schemas = uc.listSchemas("main").stream().collect(Collectors.toList());

    assertEquals("main.default", schemas.get(0).fullName().orElseThrow());
    take("GET", UC + "/schemas?catalog_name=main&max_results=25", null);
    assertEquals(25, uc.options().toBuilder().build().pageSize());
    assertThrows(IllegalArgumentException.class, () -> CatalogOptions.builder().pageSize(-1));
  }

  @Test
  void getCatalogPutsTheUnquotedNameInOneSegment() {
    enqueueJson("{'name': 'my-cat', 'storage_root': 's3://b/r', 'catalog_type': 'MANAGED_CATALOG'}");

    CatalogInfo c = uc.getCatalog("`my-cat`");

    take("GET", UC + "/catalogs/my-cat", null);
    assertEquals("s3://b/r", c.storageRoot().orElseThrow());
    assertEquals("MANAGED_CATALOG", c.catalogType().orElseThrow());
  }

  @Test
  void createCatalogSendsOnlyWhatIsSet() {
    enqueueJson("{'name': 'bronze'}");
    uc.createCatalog(CreateCatalog.builder().name("bronze").comment("raw").build());
    take("POST", UC + "/catalogs", "{'name': 'bronze', 'comment': 'raw'}");

    enqueueJson("{'name': 'gold'}");
    uc.createCatalog(CreateCatalog.builder().name("gold").putProperties("tier", "g").storageRoot("s3://x/g").build());
    take("POST", UC + "/catalogs", "{'name': 'gold', 'properties': {'tier': 'g'}, 'storage_root': 's3://x/g'}");
  }

  @Test
  void createCatalogConflictIsTyped() {
    server.enqueue(Wire.error(409, "{'error_code': 'CATALOG_ALREADY_EXISTS', 'message': 'Catalog bronze already exists'}"));
    assertThrows(ResourceConflictException.class,
        () -> uc.createCatalog(CreateCatalog.builder().name("bronze").build()));
  }

  @Test
  void updateCatalogPatchesTheSetFields() {
    enqueueJson("{'name': 'bronze2', 'owner': 'data-eng'}");

    CatalogInfo c = uc.updateCatalog("bronze", UpdateCatalog.builder().newName("bronze2").owner("data-eng").build());

    take("PATCH", UC + "/catalogs/bronze", "{'new_name': 'bronze2', 'owner': 'data-eng'}");
    assertEquals("bronze2", c.name());
    assertThrows(InvalidRequestException.class, () -> UpdateCatalog.builder().build());
    assertThrows(InvalidRequestException.class, () -> UpdateCatalog.builder().newName("a.b").build());
  }

  @Test
  void deleteCatalogSendsForceOnlyWhenAsked() {
    enqueueJson("{}");
    enqueueJson("{}");
    uc.deleteCatalog("bronze");
    uc.deleteCatalog("silver", true);
    take("DELETE", UC + "/catalogs/bronze", null);
    take("DELETE", UC + "/catalogs/silver?force=true", null);
  }

  @Test
  void schemaCallsUseTheTwoPartFullName() {
    enqueueJson("{'name': 'sales', 'catalog_name': 'main', 'full_name': 'main.sales', 'comment': 'c'}");
    enqueueJson("{'name': 'sales', 'catalog_name': 'main'}");
    enqueueJson("{'name': 'sales2', 'catalog_name': 'main'}");
    enqueueJson("{}");

    SchemaInfo created = uc.createSchema(CreateSchema.builder().catalogName("main").name("sales").comment("c").build());
    uc.getSchema("main.sales");
    uc.updateSchema("main.sales", UpdateSchema.builder().newName("sales2").properties(Map.of("a", "1")).build());
    uc.deleteSchema("main.sales2", true);

    assertEquals("main.sales", created.fullName().orElseThrow());
    take("POST", UC + "/schemas", "{'name': 'sales', 'catalog_name': 'main', 'comment': 'c'}");
    take("GET", UC + "/schemas/main.sales", null);
    take("PATCH", UC + "/schemas/main.sales", "{'new_name': 'sales2', 'properties': {'a': '1'}}");
    take("DELETE", UC + "/schemas/main.sales2?force=true", null);
  }

  @Test
  void asyncTwinsFailTheFutureInsteadOfThrowing() {
    assertTrue(uc.getCatalogAsync("a.b").isCompletedExceptionally());
    assertTrue(uc.getSchemaAsync("main").isCompletedExceptionally());
    assertTrue(uc.createCatalogAsync(null).isCompletedExceptionally());
    assertTrue(uc.deleteSchemaAsync("main.bad name", false).isCompletedExceptionally());
    assertThrows(InvalidRequestException.class, () -> uc.listSchemas(" "));
    assertThrows(InvalidRequestException.class, () -> CreateSchema.builder().catalogName("m").name("a/b").build());
    assertEquals(0, server.getRequestCount(), "nothing sent for bad input");
  }
}
