package dev.kiln.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.catalog.internal.Listing;
import dev.kiln.catalog.internal.UpdateGrantsBody;
import dev.kiln.catalog.model.CatalogInfo;
import dev.kiln.catalog.model.CreateCatalog;
import dev.kiln.catalog.model.CreateSchema;
import dev.kiln.catalog.model.CreateVolume;
import dev.kiln.catalog.model.EffectivePrivilegeAssignment;
import dev.kiln.catalog.model.FullName;
import dev.kiln.catalog.model.GrantChanges;
import dev.kiln.catalog.model.PrivilegeAssignment;
import dev.kiln.catalog.model.SchemaInfo;
import dev.kiln.catalog.model.SecurableType;
import dev.kiln.catalog.model.TableInfo;
import dev.kiln.catalog.model.TableSummary;
import dev.kiln.catalog.model.UpdateCatalog;
import dev.kiln.catalog.model.UpdateSchema;
import dev.kiln.catalog.model.VolumeInfo;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Unity Catalog: catalogs, schemas, tables, volumes and grants. Create with
 * {@link #create(DatabricksClient)} or {@link #create(DatabricksClient, CatalogOptions)}. Thread-safe;
 * holds no resources of its own (the {@link DatabricksClient} owns connections and threads).
 *
 * <p>Every remote call has a blocking form and an {@code *Async} twin. Blocking methods throw typed
 * {@code DatabricksException}s; {@code *Async} methods never throw: invalid arguments arrive as a
 * future failed with {@link InvalidRequestException}. Names are parsed with {@link FullName} before
 * anything is sent: {@code catalog}, {@code catalog.schema}, {@code catalog.schema.table}, parts
 * optionally in backquotes. Listings are lazy {@link PagedIterable}s: nothing is sent until they are
 * iterated, and each iteration starts over; they always send {@code max_results} (see
 * {@link CatalogOptions#pageSize()}).
 */
public final class CatalogClient {
  private static final String BASE = "/api/2.1/unity-catalog";
  private static final String CATALOGS = BASE + "/catalogs";
  private static final String CATALOG = CATALOGS + "/{name}";
  private static final String SCHEMAS = BASE + "/schemas";
  private static final String SCHEMA = SCHEMAS + "/{full_name}";
  private static final String TABLES = BASE + "/tables";
  private static final String TABLE = TABLES + "/{full_name}";
  private static final String TABLE_SUMMARIES = BASE + "/table-summaries";
  private static final String VOLUMES = BASE + "/volumes";
  private static final String VOLUME = VOLUMES + "/{name}";
  private static final String PERMISSIONS = BASE + "/permissions/{securable_type}/{full_name}";
  private static final String EFFECTIVE_PERMISSIONS = BASE + "/effective-permissions/{securable_type}/{full_name}";

  private final DatabricksClient db;
  private final CatalogOptions options;

  private CatalogClient(DatabricksClient db, CatalogOptions options) {
    this.db = Args.notNull(db, "db");
    this.options = Args.notNull(options, "options");
  }

  /**
   * A client over {@code db} with {@link CatalogOptions#defaults()}.
   *
   * @param db the workspace client to send through; not null
   * @return the client
   * @throws InvalidRequestException if {@code db} is null
   */
  public static CatalogClient create(DatabricksClient db) {
    return new CatalogClient(db, CatalogOptions.defaults());
  }

  /**
   * A client over {@code db} with the given tuning.
   *
   * @param db the workspace client to send through; not null
   * @param options the listings' page size; not null
   * @return the client
   * @throws InvalidRequestException if either argument is null
   */
  public static CatalogClient create(DatabricksClient db, CatalogOptions options) {
    return new CatalogClient(db, options);
  }

  /**
   * The tuning this client was created with.
   *
   * @return the options, never null
   */
  public CatalogOptions options() {
    return options;
  }

  // ---- catalogs -------------------------------------------------------------------------------

  /** Every catalog the caller can see, page by page as iterated. */
  public PagedIterable<CatalogInfo> listCatalogs() {
    return listing(() -> ApiRequest.get(CATALOGS), "catalogs", CatalogInfo.class);
  }

  /**
   * One catalog ({@code GET catalogs/{name}}).
   *
   * @param name the catalog's name, one part (backquotes allowed)
   * @return the catalog
   * @throws InvalidRequestException if the name is not one valid part
   */
  public CatalogInfo getCatalog(String name) {
    return Calls.join(getCatalogAsync(name));
  }

  /**
   * As {@link #getCatalog(String)}, without blocking.
   *
   * @param name the catalog's name
   * @return completes with the catalog
   */
  public CompletableFuture<CatalogInfo> getCatalogAsync(String name) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(CATALOG, catalogName(name)).build(), CatalogInfo.class));
  }

  /**
   * Creates a catalog; the caller needs CREATE_CATALOG on the metastore. Not retried after an
   * unclear failure.
   *
   * @param request the name, comment, properties and storage root; not null
   * @return the new catalog as the server describes it
   */
  public CatalogInfo createCatalog(CreateCatalog request) {
    return Calls.join(createCatalogAsync(request));
  }

  /**
   * As {@link #createCatalog(CreateCatalog)}, without blocking.
   *
   * @param request the catalog to create; not null
   * @return completes with the new catalog
   */
  public CompletableFuture<CatalogInfo> createCatalogAsync(CreateCatalog request) {
    return Calls.async(() -> db.callAsync(
        ApiRequest.post(CATALOGS).jsonBody(Args.notNull(request, "request")).build(), CatalogInfo.class));
  }

  /** Changes the fields set in {@code update}; returns the catalog as it is afterwards. */
  public CatalogInfo updateCatalog(String name, UpdateCatalog update) {
    return Calls.join(updateCatalogAsync(name, update));
  }

  /**
   * As {@link #updateCatalog(String, UpdateCatalog)}, without blocking.
   *
   * @param name the catalog's current name
   * @param update the fields to change; not null
   * @return completes with the catalog as it is afterwards
   */
  public CompletableFuture<CatalogInfo> updateCatalogAsync(String name, UpdateCatalog update) {
    return Calls.async(() -> db.callAsync(
        ApiRequest.patch(CATALOG, catalogName(name)).jsonBody(Args.notNull(update, "update")).build(),
        CatalogInfo.class));
  }

  /** Deletes an empty catalog. */
  public void deleteCatalog(String name) {
    deleteCatalog(name, false);
  }

  /** Deletes a catalog; with {@code force}, also when it still holds schemas. */
  public void deleteCatalog(String name, boolean force) {
    Calls.join(deleteCatalogAsync(name, force));
  }

  /**
   * As {@link #deleteCatalog(String)}, without blocking.
   *
   * @param name the catalog's name
   * @return completes when the catalog is gone
   */
  public CompletableFuture<Void> deleteCatalogAsync(String name) {
    return deleteCatalogAsync(name, false);
  }

  /**
   * As {@link #deleteCatalog(String, boolean)}, without blocking.
   *
   * @param name the catalog's name
   * @param force whether a catalog that still holds schemas is deleted with them
   * @return completes when the catalog is gone
   */
  public CompletableFuture<Void> deleteCatalogAsync(String name, boolean force) {
    return Calls.async(() -> delete(ApiRequest.delete(CATALOG, catalogName(name)), force));
  }

  // ---- schemas --------------------------------------------------------------------------------

  /** The schemas of a catalog, page by page as iterated. Throws {@link InvalidRequestException} at once. */
  public PagedIterable<SchemaInfo> listSchemas(String catalog) {
    String catalogName = catalogName(catalog);
    return listing(() -> ApiRequest.get(SCHEMAS).query("catalog_name", catalogName), "schemas", SchemaInfo.class);
  }

  /** {@code fullName}: {@code catalog.schema}. */
  public SchemaInfo getSchema(String fullName) {
    return Calls.join(getSchemaAsync(fullName));
  }

  /**
   * As {@link #getSchema(String)}, without blocking.
   *
   * @param fullName {@code catalog.schema}
   * @return completes with the schema
   */
  public CompletableFuture<SchemaInfo> getSchemaAsync(String fullName) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(SCHEMA, schemaName(fullName)).build(), SchemaInfo.class));
  }

  /**
   * Creates a schema in a catalog; the caller needs USE_CATALOG and CREATE_SCHEMA on it.
   *
   * @param request the catalog, name, comment, properties and storage root; not null
   * @return the new schema as the server describes it
   */
  public SchemaInfo createSchema(CreateSchema request) {
    return Calls.join(createSchemaAsync(request));
  }

  /**
   * As {@link #createSchema(CreateSchema)}, without blocking.
   *
   * @param request the schema to create; not null
   * @return completes with the new schema
   */
  public CompletableFuture<SchemaInfo> createSchemaAsync(CreateSchema request) {
    return Calls.async(() -> db.callAsync(
        ApiRequest.post(SCHEMAS).jsonBody(Args.notNull(request, "request")).build(), SchemaInfo.class));
  }

  /**
   * Changes the fields set in {@code update}.
   *
   * @param fullName {@code catalog.schema}
   * @param update the fields to change; not null
   * @return the schema as it is afterwards
   */
  public SchemaInfo updateSchema(String fullName, UpdateSchema update) {
    return Calls.join(updateSchemaAsync(fullName, update));
  }

  /**
   * As {@link #updateSchema(String, UpdateSchema)}, without blocking.
   *
   * @param fullName {@code catalog.schema}
   * @param update the fields to change; not null
   * @return completes with the schema as it is afterwards
   */
  public CompletableFuture<SchemaInfo> updateSchemaAsync(String fullName, UpdateSchema update) {
    return Calls.async(() -> db.callAsync(
        ApiRequest.patch(SCHEMA, schemaName(fullName)).jsonBody(Args.notNull(update, "update")).build(),
        SchemaInfo.class));
  }

  /**
   * Deletes an empty schema.
   *
   * @param fullName {@code catalog.schema}
   */
  public void deleteSchema(String fullName) {
    deleteSchema(fullName, false);
  }

  /** Deletes a schema; with {@code force}, also when it still holds tables, views or volumes. */
  public void deleteSchema(String fullName, boolean force) {
    Calls.join(deleteSchemaAsync(fullName, force));
  }

  /**
   * As {@link #deleteSchema(String)}, without blocking.
   *
   * @param fullName {@code catalog.schema}
   * @return completes when the schema is gone
   */
  public CompletableFuture<Void> deleteSchemaAsync(String fullName) {
    return deleteSchemaAsync(fullName, false);
  }

  /**
   * As {@link #deleteSchema(String, boolean)}, without blocking.
   *
   * @param fullName {@code catalog.schema}
   * @param force whether a schema that still holds tables, views or volumes is deleted with them
   * @return completes when the schema is gone
   */
  public CompletableFuture<Void> deleteSchemaAsync(String fullName, boolean force) {
    return Calls.async(() -> delete(ApiRequest.delete(SCHEMA, schemaName(fullName)), force));
  }

  // ---- tables ---------------------------------------------------------------------------------

  /** The tables and views of a schema with their columns, page by page as iterated. */
  public PagedIterable<TableInfo> listTables(String catalog, String schema) {
    String catalogName = catalogName(catalog);
    String schemaName = FullName.checkPart(schema, "schema");
    return listing(() -> ApiRequest.get(TABLES).query("catalog_name", catalogName).query("schema_name", schemaName),
        "tables", TableInfo.class);
  }

  /** {@code fullName}: {@code catalog.schema.table}. */
  public TableInfo getTable(String fullName) {
    return Calls.join(getTableAsync(fullName));
  }

  /**
   * As {@link #getTable(String)}, without blocking.
   *
   * @param fullName {@code catalog.schema.table}
   * @return completes with the table and its columns
   */
  public CompletableFuture<TableInfo> getTableAsync(String fullName) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(TABLE, tableName(fullName)).build(), TableInfo.class));
  }

  /** Whether the table exists and the caller may see it (no exception for a missing table). */
  public boolean tableExists(String fullName) {
    return Calls.join(tableExistsAsync(fullName));
  }

  /**
   * As {@link #tableExists(String)}, without blocking; a missing table completes it with
   * {@code false}.
   *
   * @param fullName {@code catalog.schema.table}
   * @return completes with whether the table exists
   */
  public CompletableFuture<Boolean> tableExistsAsync(String fullName) {
    return Calls.async(() -> Futures.map(
        db.callAsync(ApiRequest.get(TABLE + "/exists", tableName(fullName)).build(), JsonNode.class),
        body -> body != null && body.path("table_exists").asBoolean(false)));
  }

  /**
   * Deletes a table or view; a managed table's data goes with it.
   *
   * @param fullName {@code catalog.schema.table}
   */
  public void deleteTable(String fullName) {
    Calls.join(deleteTableAsync(fullName));
  }

  /**
   * As {@link #deleteTable(String)}, without blocking.
   *
   * @param fullName {@code catalog.schema.table}
   * @return completes when the table is gone
   */
  public CompletableFuture<Void> deleteTableAsync(String fullName) {
    return Calls.async(() -> delete(ApiRequest.delete(TABLE, tableName(fullName)), false));
  }

  /** Names and types of every table in a catalog: cheaper than {@link #listTables} when columns are not needed. */
  public PagedIterable<TableSummary> listTableSummaries(String catalog) {
    return listTableSummaries(catalog, null, null);
  }

  /**
   * Names and types of the tables of a catalog whose schema and table names match SQL LIKE-style
   * patterns ({@code %} any run, {@code _} one character); a null pattern matches everything.
   */
  public PagedIterable<TableSummary> listTableSummaries(String catalog, String schemaPattern, String tablePattern) {
    String catalogName = catalogName(catalog);
    String schemas = pattern(schemaPattern, "schemaPattern");
    String tables = pattern(tablePattern, "tablePattern");
    return listing(() -> ApiRequest.get(TABLE_SUMMARIES)
        .query("catalog_name", catalogName)
        .query("schema_name_pattern", schemas)
        .query("table_name_pattern", tables), "tables", TableSummary.class);
  }

  // ---- volumes --------------------------------------------------------------------------------

  /**
   * The volumes of a schema, page by page as iterated.
   *
   * @param catalog the catalog's name
   * @param schema the schema's name (one part, not {@code catalog.schema})
   * @return the volumes, fetched lazily
   * @throws InvalidRequestException at once if a name is not one valid part
   */
  public PagedIterable<VolumeInfo> listVolumes(String catalog, String schema) {
    String catalogName = catalogName(catalog);
    String schemaName = FullName.checkPart(schema, "schema");
    return listing(() -> ApiRequest.get(VOLUMES).query("catalog_name", catalogName).query("schema_name", schemaName),
        "volumes", VolumeInfo.class);
  }

  /** {@code fullName}: {@code catalog.schema.volume}. */
  public VolumeInfo getVolume(String fullName) {
    return Calls.join(getVolumeAsync(fullName));
  }

  /**
   * As {@link #getVolume(String)}, without blocking.
   *
   * @param fullName {@code catalog.schema.volume}
   * @return completes with the volume
   */
  public CompletableFuture<VolumeInfo> getVolumeAsync(String fullName) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(VOLUME, volumeName(fullName)).build(), VolumeInfo.class));
  }

  /**
   * Creates a managed or external volume.
   *
   * @param request the catalog, schema, name, type and (for EXTERNAL) storage location; not null
   * @return the new volume as the server describes it
   */
  public VolumeInfo createVolume(CreateVolume request) {
    return Calls.join(createVolumeAsync(request));
  }

  /**
   * As {@link #createVolume(CreateVolume)}, without blocking.
   *
   * @param request the volume to create; not null
   * @return completes with the new volume
   */
  public CompletableFuture<VolumeInfo> createVolumeAsync(CreateVolume request) {
    return Calls.async(() -> db.callAsync(
        ApiRequest.post(VOLUMES).jsonBody(Args.notNull(request, "request")).build(), VolumeInfo.class));
  }

  /**
   * Deletes a volume; a managed volume's files go with it.
   *
   * @param fullName {@code catalog.schema.volume}
   */
  public void deleteVolume(String fullName) {
    Calls.join(deleteVolumeAsync(fullName));
  }

  /**
   * As {@link #deleteVolume(String)}, without blocking.
   *
   * @param fullName {@code catalog.schema.volume}
   * @return completes when the volume is gone
   */
  public CompletableFuture<Void> deleteVolumeAsync(String fullName) {
    return Calls.async(() -> delete(ApiRequest.delete(VOLUME, volumeName(fullName)), false));
  }

  // ---- grants ---------------------------------------------------------------------------------

  /** The privileges granted directly on a securable, per principal (every page, fetched in turn). */
  public List<PrivilegeAssignment> getGrants(SecurableType type, String fullName) {
    return Calls.join(getGrantsAsync(type, fullName, null));
  }

  /** The privileges granted directly on a securable to one principal. */
  public List<PrivilegeAssignment> getGrants(SecurableType type, String fullName, String principal) {
    return Calls.join(getGrantsAsync(type, fullName, principal));
  }

  /**
   * As {@link #getGrants(SecurableType, String)}, without blocking.
   *
   * @param type what kind of securable; not {@link SecurableType#UNKNOWN}
   * @param fullName its name, with as many parts as {@link SecurableType#nameParts()} says
   * @return completes with the direct grants per principal
   */
  public CompletableFuture<List<PrivilegeAssignment>> getGrantsAsync(SecurableType type, String fullName) {
    return getGrantsAsync(type, fullName, null);
  }

  /** {@code principal} may be null (every principal). */
  public CompletableFuture<List<PrivilegeAssignment>> getGrantsAsync(SecurableType type, String fullName,
      String principal) {
    return Calls.async(() -> allPages(
        permissionsRequest(PERMISSIONS, type, fullName, principal), "privilege_assignments", PrivilegeAssignment.class));
  }

  /** Every privilege each principal holds on a securable, including those inherited from its parents. */
  public List<EffectivePrivilegeAssignment> getEffectiveGrants(SecurableType type, String fullName) {
    return Calls.join(getEffectiveGrantsAsync(type, fullName, null));
  }

  /**
   * The privileges one principal holds on a securable, including those inherited from its parents.
   *
   * @param type what kind of securable
   * @param fullName its name
   * @param principal a user, group or service principal; null for every principal
   * @return one assignment per principal, each privilege saying where it was granted
   */
  public List<EffectivePrivilegeAssignment> getEffectiveGrants(SecurableType type, String fullName, String principal) {
    return Calls.join(getEffectiveGrantsAsync(type, fullName, principal));
  }

  /**
   * As {@link #getEffectiveGrants(SecurableType, String)}, without blocking.
   *
   * @param type what kind of securable
   * @param fullName its name
   * @return completes with the effective privileges per principal
   */
  public CompletableFuture<List<EffectivePrivilegeAssignment>> getEffectiveGrantsAsync(SecurableType type,
      String fullName) {
    return getEffectiveGrantsAsync(type, fullName, null);
  }

  /**
   * As {@link #getEffectiveGrants(SecurableType, String, String)}, without blocking.
   *
   * @param type what kind of securable
   * @param fullName its name
   * @param principal a user, group or service principal; null for every principal
   * @return completes with the effective privileges per principal
   */
  public CompletableFuture<List<EffectivePrivilegeAssignment>> getEffectiveGrantsAsync(SecurableType type,
      String fullName, String principal) {
    return Calls.async(() -> allPages(permissionsRequest(EFFECTIVE_PERMISSIONS, type, fullName, principal),
        "privilege_assignments", EffectivePrivilegeAssignment.class));
  }

  /**
   * Adds and removes privileges; returns the direct grants on the securable afterwards. Safe to
   * repeat (adding a held privilege or removing a missing one changes nothing), so it is retried.
   */
  public List<PrivilegeAssignment> updateGrants(SecurableType type, String fullName, GrantChanges changes) {
    return Calls.join(updateGrantsAsync(type, fullName, changes));
  }

  /**
   * As {@link #updateGrants(SecurableType, String, GrantChanges)}, without blocking.
   *
   * @param type what kind of securable
   * @param fullName its name
   * @param changes the privileges to add and remove; not null
   * @return completes with the direct grants afterwards
   */
  public CompletableFuture<List<PrivilegeAssignment>> updateGrantsAsync(SecurableType type, String fullName,
      GrantChanges changes) {
    return Calls.async(() -> {
      String[] path = securable(type, fullName);
      ApiRequest request = ApiRequest.patch(PERMISSIONS, path)
          .jsonBody(UpdateGrantsBody.of(Args.notNull(changes, "changes")))
          .idempotent(true)
          .build();
      return Futures.map(db.callAsync(request, JsonNode.class),
          body -> Listing.items(body, "privilege_assignments", PrivilegeAssignment.class));
    });
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** Each page's request: {@code max_results} always, {@code page_token} after the first. */
  private <T> PagedIterable<T> listing(Supplier<ApiRequest.Builder> request, String field, Class<T> itemType) {
    return PagedIterable.of(token -> Listing.page(db.call(
        request.get().query("max_results", options.pageSize()).query("page_token", token).build(), JsonNode.class),
        field, itemType));
  }

  private Function<String, ApiRequest> permissionsRequest(String template, SecurableType type, String fullName,
      String principal) {
    String[] path = securable(type, fullName);
    if (principal != null) {
      Args.notBlank(principal, "principal");
    }
    return token -> ApiRequest.get(template, path)
        .query("principal", principal)
        .query("max_results", options.pageSize())
        .query("page_token", token)
        .build();
  }

  /** Follows {@code next_page_token} until it is absent, without parking a thread. */
  private <T> CompletableFuture<List<T>> allPages(Function<String, ApiRequest> request, String field, Class<T> type) {
    return collect(request, field, type, null, new ArrayList<>());
  }

  private <T> CompletableFuture<List<T>> collect(Function<String, ApiRequest> request, String field, Class<T> type,
      String token, List<T> sofar) {
    return Futures.compose(db.callAsync(request.apply(token), JsonNode.class), body -> {
      sofar.addAll(Listing.items(body, field, type));
      String next = Listing.nextToken(body);
      return next == null ? CompletableFuture.completedFuture(List.copyOf(sofar)) : collect(request, field, type, next, sofar);
    });
  }

  private CompletableFuture<Void> delete(ApiRequest.Builder request, boolean force) {
    if (force) {
      request.query("force", "true");
    }
    return Futures.map(db.callAsync(request.build(), JsonNode.class), ignored -> null);
  }

  private static String[] securable(SecurableType type, String fullName) {
    Args.notNull(type, "securableType");
    if (type == SecurableType.UNKNOWN) {
      throw new InvalidRequestException("securableType must be a known securable type");
    }
    String name = type.nameParts() == 0
        ? Args.id(fullName, "fullName")
        : FullName.parse(fullName, type.nameParts(), type.wireName() + " name").toString();
    return new String[] {type.wireName(), name};
  }

  private static String catalogName(String name) {
    return FullName.parse(name, 1, "catalog name").toString();
  }

  private static String schemaName(String fullName) {
    return FullName.parse(fullName, 2, "schema full name").toString();
  }

  private static String tableName(String fullName) {
    return FullName.parse(fullName, 3, "table full name").toString();
  }

  private static String volumeName(String fullName) {
    return FullName.parse(fullName, 3, "volume full name").toString();
  }

  private static String pattern(String pattern, String what) {
    if (pattern != null) {
      Args.notBlank(pattern, what);
    }
    return pattern;
  }
}
