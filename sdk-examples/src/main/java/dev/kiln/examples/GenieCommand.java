package dev.kiln.examples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.genie.GenieClient;
import dev.kiln.genie.GenieDownloadHandle;
import dev.kiln.genie.GenieMessageHandle;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieFeedbackRating;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieQuery;
import dev.kiln.sql.StatementResult;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln genie ask|messages|feedback|download}. */
@Command(
    name = "genie",
    mixinStandardHelpOptions = true,
    description = "Genie: ask questions about your data in plain language.",
    subcommands = {GenieCommand.Ask.class, GenieCommand.Messages.class, GenieCommand.Feedback.class,
        GenieCommand.Download.class})
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

  /** SPACE CONVERSATION MESSAGE, the address of one message. */
  static final class MessageRef {
    @Parameters(index = "0", paramLabel = "SPACE", description = "The Genie space id.")
    String space;

    @Parameters(index = "1", paramLabel = "CONVERSATION", description = "The conversation id.")
    String conversation;

    @Parameters(index = "2", paramLabel = "MESSAGE", description = "The message id.")
    String message;
  }

  @Command(
      name = "messages",
      mixinStandardHelpOptions = true,
      description = {"Lists the messages of a conversation: id, status, question and rating.",
          "Example: kiln genie messages SPACE CONVERSATION"})
  static final class Messages extends CliCommand {
    @Parameters(index = "0", paramLabel = "SPACE", description = "The Genie space id.")
    String space;

    @Parameters(index = "1", paramLabel = "CONVERSATION", description = "The conversation id.")
    String conversation;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        Table table = Table.withColumns("message_id", "status", "question", "feedback");
        for (GenieMessage m : GenieClient.create(db).listMessages(space, conversation)) {
          table.addRow(m.messageId(), m.rawStatus(), m.content().orElse(""),
              m.feedback().map(f -> f.rawRating()).orElse(""));
        }
        print(table);
      }
    }
  }

  @Command(
      name = "feedback",
      mixinStandardHelpOptions = true,
      description = {"Rates a Genie answer: POSITIVE, NEGATIVE, or NONE to clear the rating.",
          "Example: kiln genie feedback SPACE CONVERSATION MESSAGE NEGATIVE --comment \"wrong quarter\""})
  static final class Feedback extends CliCommand {
    @Mixin
    MessageRef ref;

    @Parameters(index = "3", paramLabel = "RATING", description = "POSITIVE, NEGATIVE or NONE.")
    GenieFeedbackRating rating;

    @Option(names = "--comment", description = "Text stored with the rating.")
    String comment;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        GenieClient.create(db).sendFeedback(ref.space, ref.conversation, ref.message, rating, comment);
        err().println("rated " + ref.message + " " + rating);
      }
    }
  }

  @Command(
      name = "download",
      mixinStandardHelpOptions = true,
      description = {"Downloads the full result of an answer's query (all rows, not only the inline part) and prints it.",
          "Example: kiln genie download SPACE CONVERSATION MESSAGE --format csv > rows.csv"})
  static final class Download extends CliCommand {
    @Mixin
    MessageRef ref;

    @Option(names = "--attachment", description = "The query attachment, when the answer has several (default: the first).")
    String attachment;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        GenieClient genie = GenieClient.create(db);
        GenieAnswer answer = GenieAnswer.of(ref.space, genie.getMessage(ref.space, ref.conversation, ref.message));
        GenieDownloadHandle handle = attachment == null
            ? genie.downloadFullResult(answer)
            : genie.downloadFullResult(answer, attachment);
        handle.addListener(d -> {
          if (!d.state().isTerminal()) {
            err().println("downloading ... " + d.rawState());
          }
        });
        try (StatementResult rows = handle.await()) {
          print(Table.of(rows));
        }
      }
    }
  }
}
