package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3 document of one serving endpoint ({@code GET /api/2.0/serving-endpoints/{name}/openapi}): its
 * invocation path with the request and response schemas of its task (chat, completions, embeddings, or the
 * MLflow tabular forms for custom models).
 */
final class ServingOpenApi {
  private ServingOpenApi() {}

  static ObjectNode document(ServingEndpoint endpoint, String host) {
    ObjectNode doc = Json.object().put("openapi", "3.1.0");
    doc.putObject("info").put("title", endpoint.name()).put("version", "1")
        .put("description", "Invocation API of serving endpoint " + endpoint.name() + " (Kiln emulator)");
    doc.putArray("servers").addObject().put("url", host + "/serving-endpoints/" + endpoint.name());
    ObjectNode post = doc.putObject("paths").putObject("/invocations").putObject("post");
    post.put("operationId", "invoke");
    post.put("summary", "Query serving endpoint " + endpoint.name());
    String task = endpoint.spec().task().orElse("");
    post.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
        .set("schema", requestSchema(task));
    ObjectNode ok = post.putObject("responses").putObject("200");
    ok.put("description", "Successful operation");
    ok.putObject("content").putObject("application/json").set("schema", responseSchema(task));
    post.putArray("security").addObject().putArray("bearerAuth");
    doc.putObject("components").putObject("securitySchemes").putObject("bearerAuth")
        .put("type", "http").put("scheme", "bearer");
    return doc;
  }

  private static ObjectNode requestSchema(String task) {
    switch (task) {
      case "llm/v1/chat":
        ObjectNode chat = object("messages");
        ObjectNode message = object("role", "content");
        props(message).set("role", type("string"));
        props(message).set("content", type("string"));
        props(chat).set("messages", array(message));
        generationParameters(chat);
        return chat;
      case "llm/v1/completions":
        ObjectNode completion = object("prompt");
        props(completion).set("prompt", oneOf(type("string"), array(type("string"))));
        generationParameters(completion);
        return completion;
      case "llm/v1/embeddings":
        ObjectNode embeddings = object("input");
        props(embeddings).set("input", oneOf(type("string"), array(type("string"))));
        return embeddings;
      default:
        ObjectNode split = object("dataframe_split");
        ObjectNode splitBody = object("columns", "data");
        props(splitBody).set("columns", array(type("string")));
        props(splitBody).set("data", array(array(Json.object())));
        props(split).set("dataframe_split", splitBody);
        ObjectNode records = object("dataframe_records");
        props(records).set("dataframe_records", array(type("object")));
        ObjectNode instances = object("instances");
        props(instances).set("instances", type("array"));
        ObjectNode inputs = object("inputs");
        props(inputs).set("inputs", Json.object());
        return oneOf(split, records, instances, inputs);
    }
  }

  private static ObjectNode responseSchema(String task) {
    switch (task) {
      case "llm/v1/chat":
      case "llm/v1/completions":
        ObjectNode completion = object("id", "object", "created", "model", "choices");
        for (String field : new String[] {"id", "object", "model"}) {
          props(completion).set(field, type("string"));
        }
        props(completion).set("created", type("integer"));
        props(completion).set("choices", array(type("object")));
        props(completion).set("usage", type("object"));
        return completion;
      case "llm/v1/embeddings":
        ObjectNode embedding = object("index", "embedding");
        props(embedding).set("index", type("integer"));
        props(embedding).set("embedding", array(type("number")));
        ObjectNode list = object("object", "data");
        props(list).set("object", type("string"));
        props(list).set("data", array(embedding));
        return list;
      default:
        ObjectNode predictions = object("predictions");
        props(predictions).set("predictions", type("array"));
        return predictions;
    }
  }

  private static void generationParameters(ObjectNode schema) {
    props(schema).set("max_tokens", type("integer"));
    props(schema).set("temperature", type("number"));
    props(schema).set("n", type("integer"));
    props(schema).set("stream", type("boolean"));
    props(schema).set("stop", oneOf(type("string"), array(type("string"))));
  }

  private static ObjectNode object(String... required) {
    ObjectNode schema = type("object");
    schema.putObject("properties");
    ArrayNode names = schema.putArray("required");
    for (String name : required) {
      names.add(name);
    }
    return schema;
  }

  private static ObjectNode props(ObjectNode schema) {
    return (ObjectNode) schema.get("properties");
  }

  private static ObjectNode type(String type) {
    return Json.object().put("type", type);
  }

  private static ObjectNode array(ObjectNode items) {
    ObjectNode schema = type("array");
    schema.set("items", items);
    return schema;
  }

  private static ObjectNode oneOf(ObjectNode... options) {
    ObjectNode schema = Json.object();
    ArrayNode list = schema.putArray("oneOf");
    for (ObjectNode option : options) {
      list.add(option);
    }
    return schema;
  }
}
