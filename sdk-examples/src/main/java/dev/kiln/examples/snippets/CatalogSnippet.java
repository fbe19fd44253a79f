package dev.kiln.examples.snippets;

import dev.kiln.catalog.CatalogClient;
import dev.kiln.catalog.model.ColumnInfo;
import dev.kiln.catalog.model.CreateCatalog;
import dev.kiln.catalog.model.GrantChanges;
import dev.kiln.catalog.model.Privilege;
import dev.kiln.catalog.model.SecurableType;
import dev.kiln.catalog.model.TableInfo;

/** README "Unity Catalog": a catalog, a grant to the ERP's service principal, a table's columns. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class CatalogSnippet {
  private CatalogSnippet() {}

  static java.util.List<String> run(dev.kiln.core.DatabricksClient db) {
    // snippet:catalog
    CatalogClient uc = CatalogClient.create(db);
    uc.createCatalog(CreateCatalog.builder().name("gold").comment("reporting marts").build());
    uc.updateGrants(SecurableType.CATALOG, "gold", GrantChanges.builder()
            .grant("erp-integration-sp", Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT)
            .revoke("analysts", Privilege.MODIFY)
            .build());                                   // PATCH {"changes": [{principal, add, remove}]}
    TableInfo table = uc.getTable("main.`bir-2026`.withholding");  // parsed and checked before sending
    for (ColumnInfo c : table.columns()) {
        String type = c.typeText().orElse("");           // decimal(14,2), array<string>, ...
    }
    // end-snippet
    java.util.List<String> out = new java.util.ArrayList<>();
    table.columns().forEach(c -> out.add(c.name() + " " + c.typeText().orElse("")));
    uc.getGrants(SecurableType.CATALOG, "gold").forEach(a -> out.add(a.principal() + " " + a.rawPrivileges()));
    return out;
  }
}
