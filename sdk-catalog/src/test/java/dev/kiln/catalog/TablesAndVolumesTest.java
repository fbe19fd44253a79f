package dev.kiln.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.catalog.model.ColumnInfo;
import dev.kiln.catalog.model.CreateVolume;
import dev.kiln.catalog.model.DataSourceFormat;
import dev.kiln.catalog.model.TableInfo;
import dev.kiln.catalog.model.TableSummary;
import dev.kiln.catalog.model.TableType;
import dev.kiln.catalog.model.VolumeInfo;
import dev.kiln.catalog.model.VolumeType;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.core.testing.Wire;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TablesAndVolumesTest extends MockServerTest {
  private static final String ORDERS = "{'name': 'orders', 'catalog_name': 'main', 'schema_name': 'sales',"
      + " 'full_name': 'main.sales.orders', 'table_type': 'MANAGED', 'data_source_format': 'DELTA',"
      + " 'storage_location': 's3://b/t', 'owner': 'me', 'properties': {'delta.minReaderVersion': '1'},"
      + " 'created_at': 1, 'updated_at': 2, 'columns': ["
      + "  {'name': 'id', 'position': 0, 'type_name': 'LONG', 'type_text': 'bigint', 'nullable': false},"
      + "  {'name': 'amount', 'position': 1, 'type_name': 'DECIMAL', 'type_text': 'decimal(10,2)',"
      + "   'type_precision': 10, 'type_scale': 2, 'comment': 'PHP'},"
      + "  {'name': 'tags', 'position': 2, 'type_name': 'ARRAY', 'type_text': 'array<string>'}]}";

  @Test
  void listTablesPagesWithMaxResults() {
    uc = CatalogClient.create(db, CatalogOptions.builder().pageSize(1).build());
    enqueueJson("{'tables': [" + ORDERS + "], 'next_page_token': 'n'}");
    enqueueJson("{'tables': [{'name': 'v', 'table_type': 'BRAND_NEW_KIND'}]}");

    List<TableInfo> tables = uc.listTables("main", "sales").stream().collect(Collectors.toList());

    assertEquals(2, tables.size());
    assertEquals(TableType.UNKNOWN, tables.get(1).tableType());
    assertEquals("BRAND_NEW_KIND", tables.get(1).rawTableType().orElseThrow());
    take("GET", UC + "/tables?catalog_name=main&schema_name=sales&max_results=1", null);
    take("GET", UC + "/tables?catalog_name=main&schema_name=sales&max_results=1&page_token=n", null);
  }

  @Test
  void getTableReadsColumnsAndMetadata() {
    enqueueJson(ORDERS);

    TableInfo t = uc.getTable("main.sales.`orders`");

    take("GET", UC + "/tables/main.sales.orders", null);
    assertEquals(TableType.MANAGED, t.tableType());
    assertEquals(DataSourceFormat.DELTA, t.dataSourceFormat());
    assertEquals("s3://b/t", t.storageLocation().orElseThrow());
    assertEquals("1", t.properties().get("delta.minReaderVersion"));
    assertEquals(2L, t.updatedAt().orElseThrow());
    ColumnInfo amount = t.column("AMOUNT").orElseThrow();
    assertEquals("DECIMAL", amount.typeName().orElseThrow());
    assertEquals("decimal(10,2)", amount.typeText().orElseThrow());
    assertEquals(10, amount.typePrecision().orElseThrow());
    assertEquals(2, amount.typeScale().orElseThrow());
    assertEquals("PHP", amount.comment().orElseThrow());
    assertTrue(amount.nullable(), "nullable unless said otherwise");
    assertFalse(t.column("id").orElseThrow().nullable());
  }

  @Test
  void tableExistsReadsTheFlagAndDeleteSendsDelete() {
    enqueueJson("{'table_exists': true}");
    enqueueJson("{'table_exists': false}");
    enqueueJson("{}");

    assertTrue(uc.tableExists("main.sales.orders"));
    assertFalse(uc.tableExists("main.sales.gone"));
    uc.deleteTable("main.sales.orders");

    take("GET", UC + "/tables/main.sales.orders/exists", null);
    take("GET", UC + "/tables/main.sales.gone/exists", null);
    take("DELETE", UC + "/tables/main.sales.orders", null);
  }

  @Test
  void missingTableIsTyped() {
    server.enqueue(Wire.error(404, "{'error_code': 'TABLE_DOES_NOT_EXIST', 'message': 'Table x does not exist'}"));
    assertThrows(NotFoundException.class, () -> uc.getTable("main.sales.x"));
  }

  @Test
  void summariesUseTheirOwnPathAndPatterns() {
    enqueueJson("{'tables': [{'full_name': 'main.sales.orders', 'table_type': 'VIEW'}]}");

    List<TableSummary> s = uc.listTableSummaries("main", "sal%", "ord_rs").stream().collect(Collectors.toList());

    assertEquals(TableType.VIEW, s.get(0).tableType());
    take("GET", UC + "/table-summaries?catalog_name=main&schema_name_pattern=sal%25"
        + "&table_name_pattern=ord_rs&max_results=0", null);
  }

  @Test
  void volumeCalls() {
    enqueueJson("{'volumes': [{'name': 'raw', 'catalog_name': 'main', 'schema_name': 'sales',"
        + " 'volume_type': 'MANAGED'}]}");
    enqueueJson("{'name': 'ext', 'catalog_name': 'main', 'schema_name': 'sales', 'volume_type': 'EXTERNAL',"
        + " 'storage_location': 's3://b/ext'}");
    enqueueJson("{'name': 'raw', 'catalog_name': 'main', 'schema_name': 'sales', 'volume_type': 'MANAGED'}");
    enqueueJson("{}");

    List<VolumeInfo> volumes = uc.listVolumes("main", "sales").stream().collect(Collectors.toList());
    VolumeInfo ext = uc.createVolume(CreateVolume.builder().catalogName("main").schemaName("sales").name("ext")
        .volumeType(VolumeType.EXTERNAL).storageLocation("s3://b/ext").build());
    VolumeInfo raw = uc.getVolume("main.sales.raw");
    uc.deleteVolume("main.sales.raw");

    assertEquals("/Volumes/main/sales/raw", volumes.get(0).path().orElseThrow());
    assertEquals(VolumeType.EXTERNAL, ext.volumeType());
    assertEquals(VolumeType.MANAGED, raw.volumeType());
    take("GET", UC + "/volumes?catalog_name=main&schema_name=sales&max_results=0", null);
    take("POST", UC + "/volumes", "{'catalog_name': 'main', 'schema_name': 'sales', 'name': 'ext',"
        + " 'volume_type': 'EXTERNAL', 'storage_location': 's3://b/ext'}");
    take("GET", UC + "/volumes/main.sales.raw", null);
    take("DELETE", UC + "/volumes/main.sales.raw", null);
  }

  @Test
  void managedVolumeIsTheDefaultAndVolumeRulesAreCheckedOnBuild() {
    assertEquals(VolumeType.MANAGED,
        CreateVolume.builder().catalogName("m").schemaName("s").name("v").build().volumeType());
    assertThrows(InvalidRequestException.class, () -> CreateVolume.builder().catalogName("m").schemaName("s")
        .name("v").volumeType(VolumeType.EXTERNAL).build());
    assertThrows(InvalidRequestException.class, () -> CreateVolume.builder().catalogName("m").schemaName("s")
        .name("v").storageLocation("s3://x").build());
  }

  @Test
  void badNamesFailBeforeSending() {
    assertThrows(InvalidRequestException.class, () -> uc.getTable("main.sales"));
    assertThrows(InvalidRequestException.class, () -> uc.getTable("main.sales.a b"));
    assertThrows(InvalidRequestException.class, () -> uc.tableExists("main..t"));
    assertThrows(InvalidRequestException.class, () -> uc.listTables("main", "a.b"));
    assertThrows(InvalidRequestException.class, () -> uc.getVolume("main.sales"));
    assertThrows(InvalidRequestException.class, () -> uc.listTableSummaries("main", " ", null));
    assertTrue(uc.deleteTableAsync(null).isCompletedExceptionally());
    assertEquals(0, server.getRequestCount());
  }
}
