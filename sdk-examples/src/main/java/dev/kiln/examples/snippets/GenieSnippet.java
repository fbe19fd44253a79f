package dev.kiln.examples.snippets;

import dev.kiln.genie.GenieClient;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieQuery;
import dev.kiln.sql.Row;
import dev.kiln.sql.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** README "Genie": ask, read the answer and its SQL, then the typed rows. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class GenieSnippet {
  private GenieSnippet() {}

  static List<String> run(dev.kiln.core.DatabricksClient db, String spaceId) {
    // snippet:genie
    GenieClient genie = GenieClient.create(db);
    GenieAnswer a = genie.ask(spaceId, "Biggest open opportunities");   // start + wait for a terminal status
    String text = a.text();
    Optional<GenieQuery> query = a.query();                              // sql, description, statementId
    String sql = query.map(GenieQuery::sql).orElse("");
    List<String> names = new ArrayList<>();
    try (StatementResult rows = genie.queryResult(a)) {                  // typed rows, same as sdk-sql
        for (Row row : rows.rows()) {
            names.add(row.getString("name") + " " + row.getBigDecimal("amount"));
        }
    }
    // end-snippet
    List<String> all = new ArrayList<>(List.of(text, sql));
    all.addAll(names);
    return all;
  }
}
