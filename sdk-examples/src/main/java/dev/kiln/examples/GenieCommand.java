package dev.kiln.examples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.genie.GenieClient;
import dev.kiln.genie.GenieMessageHandle;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieQuery;
import dev.kiln.sql.StatementResult;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kiln genie ask SPACE "question"}. */
@Command(
    name = "genie",
    mixinStandardHelpOptions = true,
    description = "Genie: ask questions about your data in plain language.",
    subcommands = GenieCommand.Ask.class)
final class GenieCommand extends CommandGroup {
  @Command(
      name = "ask",
      mixinStandardHelpOptions = true,
      description = {
          "Starts a conversation in a Genie space, waits for the answer and prints it with its SQL and rows.",
          "Example: kiln genie ask 01ef0123456789abcdef0123456789ab \"Which agencies withheld the most tax?\""
      })
  static final class Ask extends CliCommand {
    @Parameters(index = "0", paramLabel = "SPACE", description = "The Genie space id.")
    String space;

    @Parameters(index = "1", paramLabel = "QUESTION", description = "The question.")
    String question;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        GenieClient genie = GenieClient.create(db);
        GenieMessageHandle handle = genie.startConversation(space, question, message -> {
          if (!message.status().isTerminal()) {
            err().println("waiting for Genie ... " + message.rawStatus());
          }
        });
        GenieAnswer answer = handle.await();
        Optional<GenieQuery> query = answer.query();
        Table rows = null;
        if (query.isPresent()) {
          try (StatementResult result = genie.queryResult(answer)) {
            rows = Table.of(result);
          }
        }
        switch (format()) {
          case JSON:
            printJson(json(answer, rows));
            break;
          case CSV:
            print(rows != null ? rows : Table.withColumns("text").addRow(answer.text()));
            break;
          default:
            out().println(answer.text());
            if (query.isPresent()) {
              out().println();
              query.get().description().ifPresent(d -> out().println("-- " + d));
              out().println(query.get().sql());
              out().println();
              print(rows);
            }
            if (!answer.suggestedQuestions().isEmpty()) {
              out().println("Follow-ups: " + String.join(" | ", answer.suggestedQuestions()));
            }
            out().flush();
        }
      }
    }

    private static ObjectNode json(GenieAnswer answer, Table rows) {
      ObjectNode node = JsonNodeFactory.instance.objectNode()
          .put("space_id", answer.spaceId())
          .put("conversation_id", answer.conversationId())
          .put("message_id", answer.messageId())
          .put("status", answer.status().name())
          .put("text", answer.text());
      answer.query().ifPresent(q -> {
        ObjectNode query = node.putObject("query").put("sql", q.sql());
        q.title().ifPresent(t -> query.put("title", t));
        q.description().ifPresent(d -> query.put("description", d));
        q.statementId().ifPresent(s -> query.put("statement_id", s));
      });
      if (rows != null) {
        node.set("rows", OutputFormatter.toJson(rows));
      }
      answer.suggestedQuestions().forEach(q -> node.withArray("suggested_questions").add(q));
      return node;
    }
  }
}
