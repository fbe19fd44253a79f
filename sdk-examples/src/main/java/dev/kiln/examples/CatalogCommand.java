package dev.kiln.examples;

import dev.kiln.catalog.CatalogClient;
import dev.kiln.catalog.model.CatalogInfo;
import dev.kiln.catalog.model.ColumnInfo;
import dev.kiln.catalog.model.EffectivePrivilege;
import dev.kiln.catalog.model.EffectivePrivilegeAssignment;
import dev.kiln.catalog.model.FullName;
import dev.kiln.catalog.model.GrantChanges;
import dev.kiln.catalog.model.PrivilegeAssignment;
import dev.kiln.catalog.model.SchemaInfo;
import dev.kiln.catalog.model.SecurableType;
import dev.kiln.catalog.model.TableInfo;
import dev.kiln.catalog.model.VolumeInfo;
import dev.kiln.core.DatabricksClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln catalog ls|describe|grants|grant|revoke}: Unity Catalog from a terminal. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Unity Catalog: browse catalogs, schemas and tables; read and change grants.",
    subcommands = {CatalogCommand.Ls.class, CatalogCommand.Describe.class, CatalogCommand.Grants.class,
        CatalogCommand.Grant.class, CatalogCommand.Revoke.class})
final class CatalogCommand extends CommandGroup {
  static SecurableType securable(CliCommand command, String text) {
    SecurableType type = SecurableType.fromWire(text);
    if (type == SecurableType.UNKNOWN) {
      throw command.usage("unknown securable type '" + text + "': use catalog, schema, table, volume, function, "
          + "external_location, ...");
    }
    return type;
  }

  @Command(
      name = "ls",
      mixinStandardHelpOptions = true,
      description = {
          "Lists catalogs; the schemas of a catalog; the tables and volumes of catalog.schema.",
          "Examples: kiln catalog ls   kiln catalog ls main   kiln catalog ls main.default"
      })
  static final class Ls extends CliCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CATALOG[.SCHEMA]", description = "What to list inside.")
    String where;

    @Override
    void run() {
      FullName name = where == null ? null : FullName.parse(where);
      if (name != null && name.size() > 2) {
        throw usage("give a catalog or catalog.schema; see `kiln catalog describe` for a table");
      }
      try (DatabricksClient db = connect()) {
        CatalogClient uc = CatalogClient.create(db);
        if (name == null) {
          Table table = Table.withColumns("catalog", "owner", "comment");
          for (CatalogInfo c : uc.listCatalogs()) {
            table.addRow(c.name(), c.owner().orElse(""), c.comment().orElse(""));
          }
          print(table);
        } else if (name.size() == 1) {
          Table table = Table.withColumns("schema", "owner", "comment");
          for (SchemaInfo s : uc.listSchemas(name.catalog())) {
            table.addRow(s.name(), s.owner().orElse(""), s.comment().orElse(""));
          }
          print(table);
        } else {
          Table table = Table.withColumns("name", "kind", "columns", "comment");
          for (TableInfo t : uc.listTables(name.catalog(), name.schema())) {
            table.addRow(t.name(), t.rawTableType().orElse(""), t.columns().size(), t.comment().orElse(""));
          }
          for (VolumeInfo v : uc.listVolumes(name.catalog(), name.schema())) {
            table.addRow(v.name(), "VOLUME " + v.rawVolumeType().orElse(""), "", v.comment().orElse(""));
          }
          print(table);
        }
      }
    }
  }

  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = {"Prints a table's columns with their types.", "Example: kiln catalog describe main.default.orders"})
  static final class Describe extends CliCommand {
    @Parameters(index = "0", paramLabel = "CATALOG.SCHEMA.TABLE", description = "The table.")
    String table;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        TableInfo info = CatalogClient.create(db).getTable(table);
        Table out = Table.withColumns("column", "type", "nullable", "comment");
        for (ColumnInfo c : info.columns()) {
          out.addRow(c.name(), c.typeText().orElse(c.typeName().orElse("")), c.nullable(), c.comment().orElse(""));
        }
        print(out);
      }
    }
  }

  @Command(
      name = "grants",
      mixinStandardHelpOptions = true,
      description = {
          "Prints the privileges granted on a securable, per principal.",
          "Example: kiln catalog grants catalog gold --effective"
      })
  static final class Grants extends CliCommand {
    @Parameters(index = "0", paramLabel = "SECURABLE", description = "catalog, schema, table, volume, ...")
    String type;

    @Parameters(index = "1", paramLabel = "NAME", description = "Its full name, e.g. main.sales.orders.")
    String name;

    @Option(names = {"-p", "--principal"}, paramLabel = "PRINCIPAL", description = "Only this principal's grants.")
    String principal;

    @Option(names = "--effective", description = "Include privileges inherited from the parents.")
    boolean effective;

    @Override
    void run() {
      SecurableType securable = securable(this, type);
      try (DatabricksClient db = connect()) {
        CatalogClient uc = CatalogClient.create(db);
        if (effective) {
          Table table = Table.withColumns("principal", "privilege", "inherited_from");
          for (EffectivePrivilegeAssignment a : uc.getEffectiveGrants(securable, name, principal)) {
            for (EffectivePrivilege p : a.privileges()) {
              String from = p.rawInheritedFromType().map(t -> t.toLowerCase(Locale.ROOT) + " "
                  + p.inheritedFromName().orElse("")).orElse("");
              table.addRow(a.principal(), p.rawPrivilege(), from);
            }
          }
          print(table);
        } else {
          printAssignments(this, uc.getGrants(securable, name, principal));
        }
      }
    }
  }

  static void printAssignments(CliCommand command, List<PrivilegeAssignment> assignments) {
    Table table = Table.withColumns("principal", "privileges");
    for (PrivilegeAssignment a : assignments) {
      table.addRow(a.principal(), String.join(", ", a.rawPrivileges()));
    }
    command.print(table);
  }

  /** Grant and revoke share their arguments. */
  abstract static class Change extends CliCommand {
    @Parameters(index = "0", paramLabel = "SECURABLE", description = "catalog, schema, table, volume, ...")
    String type;

    @Parameters(index = "1", paramLabel = "NAME", description = "Its full name, e.g. main.sales.orders.")
    String name;

    @Parameters(index = "2", paramLabel = "PRINCIPAL", description = "A user, group or service principal.")
    String principal;

    @Parameters(index = "3..*", arity = "1..*", paramLabel = "PRIVILEGE",
        description = "SELECT, USE_CATALOG, MODIFY, ALL_PRIVILEGES, ...")
    List<String> privileges = new ArrayList<>();

    abstract GrantChanges changes(String[] privileges);

    @Override
    void run() {
      SecurableType securable = securable(this, type);
      String[] names = privileges.stream().map(p -> p.toUpperCase(Locale.ROOT)).toArray(String[]::new);
      GrantChanges changes = changes(names);
      try (DatabricksClient db = connect()) {
        printAssignments(this, CatalogClient.create(db).updateGrants(securable, name, changes));
      }
    }
  }

  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = {"Grants privileges to a principal; prints the grants afterwards.",
          "Example: kiln catalog grant catalog gold erp-sp USE_CATALOG SELECT"})
  static final class Grant extends Change {
    @Override
    GrantChanges changes(String[] privileges) {
      return GrantChanges.builder().grant(principal, privileges).build();
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = {"Revokes privileges from a principal; prints the grants afterwards.",
          "Example: kiln catalog revoke table main.sales.orders analysts MODIFY"})
  static final class Revoke extends Change {
    @Override
    GrantChanges changes(String[] privileges) {
      return GrantChanges.builder().revoke(principal, privileges).build();
    }
  }
}
