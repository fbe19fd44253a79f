package dev.kiln.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.catalog.model.CatalogInfo;
import dev.kiln.catalog.model.CreateCatalog;
import dev.kiln.catalog.model.DataSourceFormat;
import dev.kiln.catalog.model.Privilege;
import dev.kiln.catalog.model.SecurableType;
import dev.kiln.catalog.model.TableInfo;
import dev.kiln.catalog.model.TableType;
import dev.kiln.catalog.model.VolumeType;
import dev.kiln.core.Json;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model package as users see it: hidden Defs, public immutables, Jackson both ways, enums with UNKNOWN. */
class ModelContractTest {
  private static final List<String> DEFS = List.of("CatalogInfoDef", "SchemaInfoDef", "TableInfoDef", "ColumnInfoDef",
      "TableSummaryDef", "VolumeInfoDef", "PrivilegeAssignmentDef", "EffectivePrivilegeDef",
      "EffectivePrivilegeAssignmentDef", "CreateCatalogDef", "UpdateCatalogDef", "CreateSchemaDef", "UpdateSchemaDef",
      "CreateVolumeDef");

  @Test
  void defTypesArePackagePrivateAndTheirImmutablesPublic() throws Exception {
    for (String def : DEFS) {
      Class<?> defType = Class.forName("dev.kiln.catalog.model." + def);
      Class<?> immutable = Class.forName("dev.kiln.catalog.model." + def.substring(0, def.length() - 3));
      assertFalse(Modifier.isPublic(defType.getModifiers()), def + " is public");
      assertTrue(Modifier.isPublic(immutable.getModifiers()), immutable + " is not public");
      assertSame(defType, immutable.getSuperclass());
    }
  }

  @Test
  void jacksonReadsUnknownFieldsAndValuesWithoutFailing() throws Exception {
    TableInfo t = Json.mapper().readValue("{\"name\":\"t\",\"table_type\":\"HOLOGRAM\",\"data_source_format\":\"DELTA\","
        + "\"columns\":[{\"name\":\"a\",\"type_name\":\"INT\"}],\"brand_new\":{\"x\":1}}", TableInfo.class);
    assertEquals(TableType.UNKNOWN, t.tableType());
    assertEquals("HOLOGRAM", t.rawTableType().orElseThrow());
    assertEquals(DataSourceFormat.DELTA, t.dataSourceFormat());
    assertTrue(t.columns().get(0).nullable());
    assertEquals(t, Json.mapper().readValue(Json.mapper().writeValueAsString(t), TableInfo.class));
    CatalogInfo c = Json.mapper().readValue("{\"name\":\"gold\"}", CatalogInfo.class);
    assertTrue(c.properties().isEmpty());
  }

  @Test
  void requestsWriteOnlyWhatIsSet() throws Exception {
    assertEquals("{\"name\":\"gold\"}",
        Json.mapper().writeValueAsString(CreateCatalog.builder().name("gold").build()));
  }

  @Test
  void everyServerEnumHasUnknown() {
    for (Class<? extends Enum<?>> e : List.<Class<? extends Enum<?>>>of(TableType.class, DataSourceFormat.class,
        VolumeType.class, Privilege.class, SecurableType.class)) {
      assertTrue(List.of(e.getEnumConstants()).stream().anyMatch(c -> c.name().equals("UNKNOWN")), e.getName());
    }
    assertEquals(Privilege.UNKNOWN, Privilege.fromWire(null));
  }
}
