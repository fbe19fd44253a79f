package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.catalog.CatalogClient;
import dev.kiln.catalog.CatalogOptions;
import dev.kiln.catalog.model.ColumnInfo;
import dev.kiln.catalog.model.CreateCatalog;
import dev.kiln.catalog.model.CreateSchema;
import dev.kiln.catalog.model.CreateVolume;
import dev.kiln.catalog.model.DataSourceFormat;
import dev.kiln.catalog.model.GrantChanges;
import dev.kiln.catalog.model.Privilege;
import dev.kiln.catalog.model.SecurableType;
import dev.kiln.catalog.model.TableInfo;
import dev.kiln.catalog.model.TableType;
import dev.kiln.catalog.model.UpdateSchema;
import dev.kiln.catalog.model.VolumeType;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.sql.SqlClient;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CatalogClient against the local workspace: the catalog tree is the SQL engine's, both ways. */
class CatalogEndToEndTest {
  static LocalWorkspace ws;
  static CatalogClient uc;
  static SqlClient sql;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    uc = CatalogClient.create(ws.client(), CatalogOptions.builder().pageSize(2).build());
    sql = SqlClient.create(ws.client());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void whatTheApiCreatesIsQueryableAndWhatSqlCreatesIsDescribed() throws Exception {
    uc.createCatalog(CreateCatalog.builder().name("bronze").comment("raw").build());
    uc.createSchemaAsync(CreateSchema.builder().catalogName("bronze").name("erp").build()).get();
    sql.execute(ws.defaultWarehouseId(), "CREATE TABLE bronze.erp.invoices"
        + " (no BIGINT NOT NULL, total DECIMAL(12,2) COMMENT 'PHP', lines ARRAY<STRUCT<sku: STRING, qty: INT>>)").close();
    sql.execute(ws.defaultWarehouseId(), "INSERT INTO bronze.erp.invoices VALUES (1, 9.50, array(named_struct('sku', 'a', 'qty', 2)))").close();

    TableInfo t = uc.getTable("bronze.erp.invoices");
    assertEquals(TableType.MANAGED, t.tableType());
    assertEquals(DataSourceFormat.DELTA, t.dataSourceFormat());
    assertEquals(List.of("no", "total", "lines"), t.columns().stream().map(ColumnInfo::name).collect(Collectors.toList()));
    ColumnInfo total = t.column("total").orElseThrow();
    assertEquals("DECIMAL", total.typeName().orElseThrow());
    assertEquals("decimal(12,2)", total.typeText().orElseThrow());
    assertEquals(12, total.typePrecision().orElseThrow());
    assertEquals("PHP", total.comment().orElseThrow());
    assertEquals("array<struct<sku:string,qty:int>>", t.column("lines").orElseThrow().typeText().orElseThrow());
    assertFalse(t.column("no").orElseThrow().nullable());
    assertTrue(uc.tableExists("bronze.erp.invoices"));
    assertFalse(uc.tableExistsAsync("bronze.erp.nothing").get());

    uc.updateSchema("bronze.erp", UpdateSchema.builder().comment("ERP extracts").build());
    assertEquals("ERP extracts", uc.getSchema("bronze.erp").comment().orElseThrow());

    uc.deleteTable("bronze.erp.invoices");
    assertFalse(uc.tableExists("bronze.erp.invoices"));
    assertThrows(NotFoundException.class, () -> uc.getTable("bronze.erp.invoices"));
  }

  @Test
  void listsPageLazilyAndVolumesAndGrantsRoundTrip() {
    ws.sql().execute("CREATE CATALOG paging; CREATE SCHEMA paging.s; CREATE TABLE paging.s.a (x INT);"
        + " CREATE TABLE paging.s.b (x INT); CREATE TABLE paging.s.c (x INT)");
    assertEquals(List.of("a", "b", "c"), uc.listTables("paging", "s").stream().map(TableInfo::name)
        .collect(Collectors.toList()));
    assertEquals(List.of("paging.s.b"), uc.listTableSummaries("paging", "s", "b").stream()
        .map(s -> s.fullName()).collect(Collectors.toList()));

    uc.createVolume(CreateVolume.builder().catalogName("paging").schemaName("s").name("landing").build());
    assertEquals(VolumeType.MANAGED, uc.getVolume("paging.s.landing").volumeType());
    assertEquals(1, uc.listVolumes("paging", "s").stream().count());

    uc.updateGrants(SecurableType.SCHEMA, "paging.s", GrantChanges.builder()
        .grant("erp-sp", Privilege.USE_SCHEMA, Privilege.SELECT).build());
    assertEquals(List.of(Privilege.USE_SCHEMA, Privilege.SELECT),
        uc.getGrants(SecurableType.SCHEMA, "paging.s", "erp-sp").get(0).privileges());
    assertEquals("paging.s", uc.getEffectiveGrants(SecurableType.TABLE, "paging.s.a").get(0).privileges().get(0)
        .inheritedFromName().orElseThrow());

    assertEquals("CATALOG_NOT_EMPTY",
        assertThrows(DatabricksServiceException.class, () -> uc.deleteCatalog("paging")).errorCode());
    uc.deleteCatalog("paging", true);
    assertFalse(uc.listCatalogs().stream().anyMatch(c -> c.name().equals("paging")));
  }
}
