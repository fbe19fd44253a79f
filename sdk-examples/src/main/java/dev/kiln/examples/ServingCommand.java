package dev.kiln.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.serving.ServingClient;
import dev.kiln.serving.model.ChatCompletion;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatMessage;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import dev.kiln.serving.model.ServingEndpoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln serving list|get|query|chat}. */
@Command(
    name = "serving",
    mixinStandardHelpOptions = true,
    description = "Model Serving: list and inspect endpoints, query models, chat with LLMs.",
    subcommands = {
        ServingCommand.ListEndpoints.class,
        ServingCommand.GetEndpoint.class,
        ServingCommand.Query.class,
        ServingCommand.Chat.class
    })
final class ServingCommand extends CommandGroup {
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the serving endpoints and their state.")
  static final class ListEndpoints extends CliCommand {
    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        List<ServingEndpoint> endpoints = ServingClient.create(db).listEndpoints();
        if (format() == OutputFormatter.Format.JSON) {
          printJson(endpoints);
          return;
        }
        Table table = Table.withColumns("name", "ready", "config_update", "task", "served_entities");
        for (ServingEndpoint e : endpoints) {
          table.addRow(e.name(), e.ready().name(), e.configUpdate().name(), e.task().orElse(null), entities(e));
        }
        print(table);
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows one serving endpoint.")
  static final class GetEndpoint extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The endpoint's name.")
    String name;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        ServingEndpoint e = ServingClient.create(db).getEndpoint(name);
        if (format() == OutputFormatter.Format.JSON) {
          printJson(e);
          return;
        }
        Table table = Table.withColumns("field", "value")
            .addRow("name", e.name())
            .addRow("id", e.id().orElse(null))
            .addRow("ready", e.ready().name())
            .addRow("config_update", e.configUpdate().name())
            .addRow("task", e.task().orElse(null))
            .addRow("served_entities", entities(e))
            .addRow("creator", e.creator().orElse(null))
            .addRow("created", e.createdAt().orElse(null))
            .addRow("updated", e.lastUpdatedAt().orElse(null));
        print(table);
      }
    }
  }

  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description = {
          "Calls a model with an invocation body: dataframe_records, dataframe_split, instances or inputs.",
          "Example: kiln serving query bir-tax-forecaster --json '{\"dataframe_records\": [{\"prev_month_wht\": 50000}]}'"
      })
  static final class Query extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The endpoint's name.")
    String name;

    @Option(names = "--json", required = true, paramLabel = "BODY", description = "The invocation body as JSON.")
    String json;

    @Override
    void run() {
      InvocationRequest request = parse(json);
      try (DatabricksClient db = connect()) {
        InvocationResponse response = ServingClient.create(db).query(name, request);
        Optional<JsonNode> predictions = response.predictions().filter(JsonNode::isArray);
        if (format() == OutputFormatter.Format.JSON || predictions.isEmpty()) {
          printJson(response.json());
          return;
        }
        print(predictionTable(predictions.get()));
      }
    }

    private InvocationRequest parse(String body) {
      try {
        return Json.mapper().readValue(body, InvocationRequest.class);
      } catch (JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidRequestException) {
          throw usage("--json: " + cause.getMessage());
        }
        throw usage("--json is not an invocation body: " + e.getOriginalMessage());
      }
    }

    /** One row per prediction: its fields when it is an object, else the value itself. */
    private static Table predictionTable(JsonNode predictions) {
      List<String> fields = new ArrayList<>();
      for (JsonNode p : predictions) {
        if (!p.isObject()) {
          fields.clear();
          break;
        }
        p.fieldNames().forEachRemaining(f -> {
          if (!fields.contains(f)) {
            fields.add(f);
          }
        });
      }
      List<String> columns = new ArrayList<>();
      columns.add("row");
      if (fields.isEmpty()) {
        columns.add("prediction");
      } else {
        columns.addAll(fields);
      }
      Table table = Table.withColumns(columns);
      int i = 0;
      for (JsonNode p : predictions) {
        List<Object> row = new ArrayList<>();
        row.add(i++);
        if (fields.isEmpty()) {
          row.add(value(p));
        } else {
          for (String f : fields) {
            row.add(value(p.path(f)));
          }
        }
        table.addRow(row.toArray());
      }
      return table;
    }

    private static Object value(JsonNode node) {
      if (node.isMissingNode() || node.isNull()) {
        return null;
      }
      if (node.isNumber()) {
        return node.decimalValue();
      }
      return node.isValueNode() ? node.asText() : node;
    }
  }

  @Command(
      name = "chat",
      mixinStandardHelpOptions = true,
      description = {
          "Sends one user message to a chat model and prints the reply.",
          "Example: kiln serving chat databricks-llama \"Summarise BIR Form 2307 in one line\" --stream"
      })
  static final class Chat extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The endpoint's name.")
    String name;

    @Parameters(index = "1", paramLabel = "PROMPT", description = "The user message.")
    String prompt;

    @Option(names = "--stream", description = "Print the reply token by token as it is generated.")
    boolean stream;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message sent before the prompt.")
    String system;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens in the reply.")
    Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, e.g. 0.2.")
    Double temperature;

    @Override
    void run() {
      ChatRequest.Builder builder = ChatRequest.builder();
      if (system != null) {
        builder.addMessages(ChatMessage.system(system));
      }
      builder.addMessages(ChatMessage.user(prompt));
      if (maxTokens != null) {
        builder.maxTokens(maxTokens);
      }
      if (temperature != null) {
        builder.temperature(temperature);
      }
      ChatRequest request = builder.build();
      try (DatabricksClient db = connect()) {
        ServingClient serving = ServingClient.create(db);
        if (stream) {
          stream(serving, request);
          return;
        }
        ChatCompletion answer = serving.chat(name, request);
        switch (format()) {
          case JSON:
            printJson(answer);
            break;
          case CSV:
            print(Table.withColumns("model", "finish_reason", "content").addRow(answer.model().orElse(null),
                answer.choices().isEmpty() ? null : answer.choices().get(0).finishReason().orElse(null),
                answer.content()));
            break;
          default:
            out().println(answer.content());
            out().flush();
        }
      }
    }

    /** Table and CSV: the text as it arrives; JSON: one chunk per line (NDJSON). */
    private void stream(ServingClient serving, ChatRequest request) {
      try (Stream<ChatCompletionChunk> chunks = serving.chatStream(name, request)) {
        for (Iterator<ChatCompletionChunk> it = chunks.iterator(); it.hasNext(); ) {
          ChatCompletionChunk chunk = it.next();
          if (format() == OutputFormatter.Format.JSON) {
            out().println(Json.mapper().valueToTree(chunk).toString());
          } else {
            out().print(chunk.content());
          }
          out().flush();
        }
      }
      if (format() != OutputFormatter.Format.JSON) {
        out().println();
        out().flush();
      }
    }
  }

  static String entities(ServingEndpoint endpoint) {
    return endpoint.servedEntities().stream()
        .map(s -> s.entityName().or(s::name).orElse("?") + s.entityVersion().map(v -> ":" + v).orElse(""))
        .collect(Collectors.joining(", "));
  }
}
