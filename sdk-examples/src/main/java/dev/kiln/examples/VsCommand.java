package dev.kiln.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.vectorsearch.VectorIndexHandle;
import dev.kiln.vectorsearch.VectorSearchClient;
import dev.kiln.vectorsearch.model.EmbeddingSource;
import dev.kiln.vectorsearch.model.EmbeddingVector;
import dev.kiln.vectorsearch.model.NewVectorIndex;
import dev.kiln.vectorsearch.model.QueryType;
import dev.kiln.vectorsearch.model.VectorIndex;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln vs query|create-index|sync}. */
@Command(
    name = "vs",
    mixinStandardHelpOptions = true,
    description = "Vector Search: similarity queries on an index, index creation and sync.",
    subcommands = {VsCommand.Query.class, VsCommand.CreateIndex.class, VsCommand.Sync.class})
final class VsCommand extends CommandGroup {
  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description = {
          "Finds the rows of an index closest to a text (or vector) and prints them with their scores.",
          "Example: kiln vs query main.bir.notes_index --text \"when is withholding tax due\" --columns id,note "
              + "--filter \"year>=2024\""
      })
  static final class Query extends CliCommand {
    /** column, an optional operator, the value: {@code year>=2024}, {@code lang=en}, {@code title LIKE tax}. */
    private static final Pattern FILTER =
        Pattern.compile("\\s*([^\\s=<>!]+)\\s*(>=|<=|!=|>|<|=|\\s(?:NOT|LIKE)\\s)\\s*(.*)", Pattern.CASE_INSENSITIVE);

    @Parameters(index = "0", paramLabel = "INDEX", description = "The index, catalog.schema.name.")
    String index;

    @Option(names = {"-t", "--text"}, paramLabel = "TEXT", description = "The query text (embedded by the index's model).")
    String text;

    @Option(names = "--vector", split = ",", paramLabel = "X,Y,...", description = "A query vector instead of (or with) --text.")
    List<Double> vector = new ArrayList<>();

    @Option(names = "--columns", split = ",", paramLabel = "A,B",
        description = "Columns to return (default: the primary key and the indexed text or schema columns).")
    List<String> columns = new ArrayList<>();

    @Option(names = {"-f", "--filter"}, paramLabel = "COLUMN[OP]VALUE",
        description = "A filter: year>=2024, lang=en (repeat a column to match any of its values), "
            + "\"title LIKE tax\"; OP is =, >, >=, <, <=, !=, NOT or LIKE. Repeatable.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--filters-json", paramLabel = "JSON", description = "Filters as a JSON object, e.g. '{\"year >=\": 2024}'.")
    String filtersJson;

    @Option(names = "--filter-string", paramLabel = "SQL",
        description = "Filters as the SQL-like string of STORAGE_OPTIMIZED endpoints, e.g. \"year >= 2024 AND lang IN ('en')\".")
    String filterString;

    @Option(names = {"-n", "--num-results"}, paramLabel = "N", defaultValue = "10", description = "How many hits (default 10).")
    int numResults;

    @Option(names = "--query-type", paramLabel = "TYPE", description = "ANN (default), HYBRID or FULL_TEXT.")
    QueryType queryType;

    @Override
    void run() {
      if (text == null && vector.isEmpty()) {
        throw usage("give --text or --vector");
      }
      if ((filters.isEmpty() ? 0 : 1) + (filtersJson == null ? 0 : 1) + (filterString == null ? 0 : 1) > 1) {
        throw usage("give one of --filter, --filters-json or --filter-string");
      }
      Map<String, Object> filterMap = parseFilters();
      try (DatabricksClient db = connect()) {
        VectorSearchClient vs = VectorSearchClient.create(db);
        List<String> wanted = columns.isEmpty() ? defaultColumns(vs.getIndex(index)) : columns;
        VectorQuery.Builder query = VectorQuery.builder().addAllColumns(wanted).numResults(numResults);
        if (text != null) {
          query.queryText(text);
        }
        if (!vector.isEmpty()) {
          query.queryVector(vector);
        }
        if (queryType != null) {
          query.queryType(queryType);
        }
        if (filtersJson != null) {
          query.filtersJson(filtersJson);
        } else if (filterString != null) {
          query.filterString(filterString);
        } else {
          query.filters(filterMap);
        }
        VectorQueryResult hits = vs.query(index, query.build());
        List<String> header = new ArrayList<>(wanted);
        header.add("score");
        Table table = Table.withColumns(header);
        for (VectorMatch m : hits.matches()) {
          List<Object> row = new ArrayList<>();
          for (String column : wanted) {
            row.add(m.getObject(column));
          }
          row.add(m.score());
          table.addRow(row.toArray());
        }
        print(table);
        hits.nextPageToken().ifPresent(t -> err().println("more hits on further pages; raise --num-results to see them"));
      }
    }

    private Map<String, Object> parseFilters() {
      Map<String, Object> map = new LinkedHashMap<>();
      for (String filter : filters) {
        Matcher m = FILTER.matcher(filter);
        if (!m.matches() || m.group(3).isEmpty()) {
          throw usage("--filter '" + filter + "' is not COLUMN[OP]VALUE, e.g. year>=2024 or lang=en");
        }
        String op = m.group(2).trim().toUpperCase(Locale.ROOT);
        String key = op.equals("=") ? m.group(1) : m.group(1) + " " + op;
        Object value = scalar(m.group(3).trim());
        map.merge(key, value, (a, b) -> {
          List<Object> values = new ArrayList<>();
          if (a instanceof List) {
            values.addAll((List<?>) a);
          } else {
            values.add(a);
          }
          values.add(b);
          return values;
        });
      }
      return map;
    }

    /** 2024 → a number, true/false → a boolean, anything else → text. */
    private static Object scalar(String text) {
      if (text.matches("-?\\d{1,18}")) {
        return Long.parseLong(text);
      }
      if (text.matches("-?\\d*\\.\\d+([eE][-+]?\\d+)?")) {
        return Double.parseDouble(text);
      }
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(text);
      }
      return text;
    }

    /** The primary key, then the embedded text (delta sync) or the schema's non-vector columns (direct access). */
    private static List<String> defaultColumns(VectorIndex index) {
      Set<String> columns = new LinkedHashSet<>();
      index.primaryKey().ifPresent(columns::add);
      index.deltaSyncIndexSpec().ifPresent(spec -> {
        spec.path("columns_to_sync").forEach(c -> columns.add(c.asText()));
        spec.path("embedding_source_columns").forEach(c -> columns.add(c.path("name").asText()));
      });
      index.directAccessIndexSpec().ifPresent(spec -> {
        Set<String> vectors = new LinkedHashSet<>();
        spec.path("embedding_vector_columns").forEach(c -> vectors.add(c.path("name").asText()));
        String schema = spec.path("schema_json").asText("");
        if (!schema.isEmpty()) {
          try {
            Json.mapper().readTree(schema).fieldNames().forEachRemaining(f -> {
              if (!vectors.contains(f)) {
                columns.add(f);
              }
            });
          } catch (JsonProcessingException ignored) {
            // no schema to read columns from
          }
        }
      });
      columns.remove("");
      if (columns.isEmpty()) {
        throw new InvalidRequestException(
            "cannot tell which columns index " + index.name() + " has: pass --columns a,b");
      }
      return new ArrayList<>(columns);
    }
  }

  @Command(
      name = "create-index",
      mixinStandardHelpOptions = true,
      description = {
          "Creates an index and waits until it serves queries: synced from a Delta table (--source-table) with "
              + "embeddings from a model endpoint, or direct access (--vector-column) with your own vectors.",
          "Example: kiln vs create-index main.docs.chunks_index --endpoint vs-endpoint --primary-key id "
              + "--source-table main.docs.chunks --embedding-source text --embedding-model databricks-gte-large-en"
      })
  static final class CreateIndex extends CliCommand {
    @Parameters(index = "0", paramLabel = "INDEX", description = "The new index, catalog.schema.name.")
    String index;

    @Option(names = "--endpoint", required = true, paramLabel = "ENDPOINT", description = "The endpoint to serve it.")
    String endpoint;

    @Option(names = "--primary-key", required = true, paramLabel = "COLUMN", description = "The primary key column.")
    String primaryKey;

    @Option(names = "--source-table", paramLabel = "TABLE", description = "Delta table to sync from (delta sync).")
    String sourceTable;

    @Option(names = "--columns-to-sync", split = ",", paramLabel = "A,B", description = "Columns to copy (default: all).")
    List<String> columnsToSync = new ArrayList<>();

    @Option(names = "--embedding-source", paramLabel = "COLUMN", description = "The text column to embed.")
    String embeddingSource;

    @Option(names = "--embedding-model", paramLabel = "ENDPOINT", description = "The embedding model's serving endpoint.")
    String embeddingModel;

    @Option(names = "--vector-column", paramLabel = "COLUMN", description = "A column of ready-made vectors.")
    String vectorColumn;

    @Option(names = "--dimension", paramLabel = "N", description = "The vectors' dimension (with --vector-column).")
    Integer dimension;

    @Option(names = "--schema-json", paramLabel = "JSON", description = "Direct access: column types, {\"id\":\"long\"}.")
    String schemaJson;

    @Option(names = "--no-wait", description = "Return once the index is created, without waiting for it to be ready.")
    boolean noWait;

    @Override
    void run() {
      NewVectorIndex.Builder spec = NewVectorIndex.builder().name(index).endpointName(endpoint).primaryKey(primaryKey)
          .sourceTable(Optional.ofNullable(sourceTable)).addAllColumnsToSync(columnsToSync)
          .schemaJson(Optional.ofNullable(schemaJson));
      if (embeddingSource != null) {
        spec.addEmbeddingSources(EmbeddingSource.of(embeddingSource, Optional.ofNullable(embeddingModel)));
      }
      if (vectorColumn != null) {
        if (dimension == null) {
          throw usage("--vector-column needs --dimension");
        }
        spec.addEmbeddingVectors(EmbeddingVector.of(vectorColumn, dimension));
      }
      try (DatabricksClient db = connect()) {
        VectorIndexHandle handle = VectorSearchClient.create(db).createIndex(spec.build());
        if (!noWait) {
          handle.addListener(i -> {
            if (!i.isReady()) {
              err().println("waiting for the index ... " + i.status().flatMap(st -> st.rawDetailedState()).orElse(""));
            }
          });
          handle.await();
        }
        print(Table.withColumns("index", "state").addRow(index, handle.rawStatus().orElse("")));
      }
    }
  }

  @Command(
      name = "sync",
      mixinStandardHelpOptions = true,
      description = {"Syncs a delta-sync index from its source table and waits until it is ready again.",
          "Example: kiln vs sync main.docs.chunks_index"})
  static final class Sync extends CliCommand {
    @Parameters(index = "0", paramLabel = "INDEX", description = "The index, catalog.schema.name.")
    String index;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        VectorSearchClient vs = VectorSearchClient.create(db);
        vs.syncIndex(index);
        VectorIndex now = vs.getIndex(index); // a small sync is done at once: no need to wait a poll gap
        VectorIndex ready = now.isReady() ? now : vs.handle(index).await();
        print(Table.withColumns("index", "indexed_rows").addRow(index,
            ready.status().flatMap(st -> st.indexedRowCount()).orElse(0L)));
      }
    }
  }
}
