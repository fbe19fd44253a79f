package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.error;
import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.Wire;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.serving.model.CreateEndpointRequest;
import dev.kiln.serving.model.EndpointConfigUpdateState;
import dev.kiln.serving.model.EndpointReadyState;
import dev.kiln.serving.model.EndpointTag;
import dev.kiln.serving.model.OpenApiDocument;
import dev.kiln.serving.model.ServedEntity;
import dev.kiln.serving.model.ServedEntityInput;
import dev.kiln.serving.model.ServingEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class EndpointsTest extends ServingTestBase {
  private static final String FORECASTER = "{'name': 'bir-tax-forecaster', 'id': 'e1a2', 'creator': 'ana@example.com',"
      + " 'creation_timestamp': 1767225600000, 'last_updated_timestamp': 1767229200000,"
      + " 'state': {'ready': 'READY', 'config_update': 'NOT_UPDATING'},"
      + " 'tags': [{'key': 'team', 'value': 'tax'}, {'key': 'flag'}],"
      + " 'config': {'config_version': 3, 'served_entities': [{'name': 'forecaster-3', 'entity_name': 'main.fin.bir_tax',"
      + "   'entity_version': '3', 'workload_size': 'Small', 'scale_to_zero_enabled': true,"
      + "   'state': {'deployment': 'DEPLOYMENT_READY', 'deployment_state_message': ''}}],"
      + "   'traffic_config': {'routes': [{'served_model_name': 'forecaster-3', 'traffic_percentage': 100}]}},"
      + " 'route_optimized': false, 'endpoint_url': 'https://x.serving.example/serving-endpoints/bir-tax-forecaster',"
      + " 'ai_gateway': {'usage_tracking_config': {'enabled': true}}, 'brand_new_field': 1}";

  @Test
  void getEndpointReadsTheTypedFieldsAndKeepsUnmodelledOnesAsJson() {
    server.enqueue(ok(FORECASTER));

    ServingEndpoint e = serving.getEndpoint("bir-tax-forecaster");

    expect(server, "GET", "/api/2.0/serving-endpoints/bir-tax-forecaster");
    assertEquals("bir-tax-forecaster", e.name());
    assertEquals(Optional.of("e1a2"), e.id());
    assertEquals(EndpointReadyState.READY, e.ready());
    assertEquals(EndpointConfigUpdateState.NOT_UPDATING, e.configUpdate());
    assertEquals(List.of(EndpointTag.of("team", "tax"), EndpointTag.of("flag", Optional.empty())), e.tags());
    assertEquals(Optional.of("ana@example.com"), e.creator());
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), e.createdAt());
    assertEquals(Optional.of(Instant.parse("2026-01-01T01:00:00Z")), e.lastUpdatedAt());
    assertEquals(Optional.of(false), e.routeOptimized());
    assertTrue(e.endpointUrl().orElseThrow().endsWith("/serving-endpoints/bir-tax-forecaster"));
    ServedEntity entity = e.servedEntities().get(0);
    assertEquals(Optional.of("main.fin.bir_tax"), entity.entityName());
    assertEquals(Optional.of("3"), entity.entityVersion());
    assertEquals(Optional.of("Small"), entity.workloadSize());
    assertEquals(Optional.of(true), entity.scaleToZeroEnabled());
    assertEquals(Optional.of("DEPLOYMENT_READY"), entity.state().orElseThrow().deployment());
    assertEquals(100, e.config().orElseThrow().trafficConfig().orElseThrow().at("/routes/0/traffic_percentage").asInt());
    assertTrue(e.aiGateway().orElseThrow().at("/usage_tracking_config/enabled").asBoolean());
  }

  @Test
  void unknownStateValuesReadAsUnknownButKeepTheRawText() {
    server.enqueue(ok("{'name': 'x', 'state': {'ready': 'WARMING_UP', 'config_update': 'SOMETHING_NEW'}}"));

    ServingEndpoint e = serving.getEndpoint("x");

    assertEquals(EndpointReadyState.UNKNOWN, e.ready());
    assertEquals(Optional.of("WARMING_UP"), e.state().orElseThrow().rawReady());
    assertEquals(EndpointConfigUpdateState.UNKNOWN, e.configUpdate());
    assertEquals(Optional.of("SOMETHING_NEW"), e.state().orElseThrow().rawConfigUpdate());
  }

  @Test
  void listEndpoints() {
    server.enqueue(ok("{'endpoints': [" + FORECASTER + ", {'name': 'databricks-llama', 'task': 'llm/v1/chat',"
        + " 'state': {'ready': 'NOT_READY'}}]}"));

    List<ServingEndpoint> all = serving.listEndpoints();

    expect(server, "GET", "/api/2.0/serving-endpoints");
    assertEquals(List.of("bir-tax-forecaster", "databricks-llama"), List.of(all.get(0).name(), all.get(1).name()));
    assertEquals(Optional.of("llm/v1/chat"), all.get(1).task());
    assertEquals(EndpointReadyState.NOT_READY, all.get(1).ready());
  }

  @Test
  void listEndpointsOfAnEmptyWorkspace() {
    server.enqueue(ok("{}"));
    assertEquals(List.of(), serving.listEndpoints());
  }

  @Test
  void missingEndpointIsResourceDoesNotExist() {
    server.enqueue(error(404, "{'error_code': 'RESOURCE_DOES_NOT_EXIST', 'message': 'Endpoint nope does not exist.'}"));

    ResourceDoesNotExistException e = assertThrows(ResourceDoesNotExistException.class, () -> serving.getEndpoint("nope"));

    assertEquals("Endpoint nope does not exist.", e.serverMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void missingEndpointThroughTheAsyncTwin() {
    server.enqueue(error(404, "{'error_code': 'RESOURCE_DOES_NOT_EXIST', 'message': 'gone'}"));

    CompletionException e = assertThrows(CompletionException.class, () -> serving.getEndpointAsync("nope").join());

    assertTrue(e.getCause() instanceof ResourceDoesNotExistException);
  }

  @Test
  void getOpenApiGivesTextAndParsedJson() {
    String doc = Wire.json("{'openapi': '3.1.0', 'info': {'title': 'bir-tax-forecaster'}, 'paths': {}}");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(doc).build());

    OpenApiDocument api = serving.getOpenApi("bir-tax-forecaster");

    expect(server, "GET", "/api/2.0/serving-endpoints/bir-tax-forecaster/openapi");
    assertEquals(doc, api.text());
    assertEquals("3.1.0", api.json().orElseThrow().get("openapi").asText());
  }

  @Test
  void getOpenApiKeepsTextThatIsNotJson() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/yaml").body("openapi: 3.1.0\n").build());

    OpenApiDocument api = serving.getOpenApi("x");

    assertEquals("openapi: 3.1.0\n", api.text());
    assertFalse(api.json().isPresent());
  }

  @Test
  void endpointNamesAreValidatedBeforeSending() {
    String tooLong = "e".repeat(64);
    assertThrows(InvalidRequestException.class, () -> serving.getEndpoint(tooLong));
    assertThrows(InvalidRequestException.class, () -> serving.getEndpoint(""));
    assertThrows(InvalidRequestException.class, () -> serving.getOpenApi(null));
    CompletionException async = assertThrows(CompletionException.class, () -> serving.getEndpointAsync(tooLong).join());
    assertTrue(async.getCause() instanceof InvalidRequestException);
    assertEquals(0, server.getRequestCount());

    server.enqueue(ok("{'name': '" + "e".repeat(63) + "'}"));
    assertEquals("e".repeat(63), serving.getEndpoint("e".repeat(63)).name());
  }

  private static CreateEndpointRequest forecasterRequest() {
    return CreateEndpointRequest.builder()
        .name("bir-tax-forecaster")
        .addServedEntities(ServedEntityInput.builder()
            .entityName("main.fin.bir_tax")
            .entityVersion("3")
            .workloadSize("Small")
            .scaleToZeroEnabled(true)
            .build())
        .build();
  }

  private static String state(String ready, String update) {
    return "{'name': 'bir-tax-forecaster', 'state': {'ready': '" + ready + "', 'config_update': '" + update + "'}}";
  }

  @Test
  void createEndpointWaitsThroughNotReadyToReady() {
    server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));   // the POST
    server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));   // poll 1
    server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));   // poll 2
    server.enqueue(ok(state("READY", "NOT_UPDATING")));      // poll 3

    EndpointHandle handle = serving.createEndpoint(forecasterRequest());
    List<String> seen = new ArrayList<>();
    handle.addListener(e -> seen.add(e.ready() + "/" + e.configUpdate()));
    ServingEndpoint ready = handle.await(Duration.ofMinutes(30));

    expectJsonPost(server, "/api/2.0/serving-endpoints", "{'name': 'bir-tax-forecaster', 'config': {'served_entities': ["
        + "{'entity_name': 'main.fin.bir_tax', 'entity_version': '3', 'workload_size': 'Small', 'scale_to_zero_enabled': true}]}}");
    for (int i = 0; i < 3; i++) {
      expect(server, "GET", "/api/2.0/serving-endpoints/bir-tax-forecaster");
    }
    assertEquals(EndpointReadyState.READY, ready.ready());
    assertTrue(handle.isDone());
    assertEquals("bir-tax-forecaster", handle.id());
    assertEquals(List.of("NOT_READY/IN_PROGRESS", "READY/NOT_UPDATING"), seen);
    assertEquals(3, sleeper.sleeps().size(), "one wait before each poll");
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(625), Duration.ofMillis(781)), sleeper.sleeps());
  }

  @Test
  void createEndpointFailsClearlyWhenTheDeploymentFails() {
    server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));
    server.enqueue(ok("{'name': 'bir-tax-forecaster', 'state': {'ready': 'NOT_READY', 'config_update': 'UPDATE_FAILED'},"
        + " 'pending_config': {'served_entities': [{'name': 'forecaster-3', 'entity_name': 'main.fin.bir_tax',"
        + "   'state': {'deployment': 'DEPLOYMENT_FAILED', 'deployment_state_message': 'Container build failed'}}]}}"));

    EndpointHandle handle = serving.createEndpoint(forecasterRequest());
    EndpointDeploymentFailedException e = assertThrows(EndpointDeploymentFailedException.class, handle::await);

    assertTrue(e.getMessage().contains("UPDATE_FAILED"), e.getMessage());
    assertTrue(e.getMessage().contains("forecaster-3: DEPLOYMENT_FAILED: Container build failed"), e.getMessage());
    assertEquals(EndpointConfigUpdateState.UPDATE_FAILED, e.endpoint().configUpdate());
  }

  @Test
  void createEndpointThatIsAlreadyReadyNeedsNoPoll() throws Exception {
    server.enqueue(ok(state("READY", "NOT_UPDATING")));

    EndpointHandle handle = serving.createEndpointAsync(forecasterRequest()).get(5, TimeUnit.SECONDS);

    assertTrue(handle.isDone());
    assertEquals(EndpointReadyState.READY, handle.resultAsync().get(5, TimeUnit.SECONDS).ready());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void createEndpointWithTagsAndRouteOptimization() {
    server.enqueue(ok(state("READY", "NOT_UPDATING")));

    serving.createEndpoint(CreateEndpointRequest.builder()
        .name("bir-tax-forecaster")
        .addServedEntities(ServedEntityInput.builder().name("v3").entityName("main.fin.bir_tax").entityVersion("3").build())
        .addTags(EndpointTag.of("team", "tax"))
        .routeOptimized(true)
        .build());

    expectJsonPost(server, "/api/2.0/serving-endpoints", "{'name': 'bir-tax-forecaster', 'config': {'served_entities': ["
        + "{'name': 'v3', 'entity_name': 'main.fin.bir_tax', 'entity_version': '3'}]},"
        + " 'tags': [{'key': 'team', 'value': 'tax'}], 'route_optimized': true}");
  }

  @Test
  void createEndpointRequestIsValidatedWhenBuilt() {
    assertThrows(InvalidRequestException.class, () -> CreateEndpointRequest.builder().name("x").build());
    assertThrows(InvalidRequestException.class, () -> CreateEndpointRequest.builder().name("x".repeat(64))
        .addServedEntities(ServedEntityInput.builder().entityName("m").build()).build());
    assertThrows(InvalidRequestException.class, () -> ServedEntityInput.builder().entityName(" ").build());
  }

  @Test
  void waitUntilReadyPollsAnExistingEndpoint() {
    server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));
    server.enqueue(ok(state("READY", "NOT_UPDATING")));

    ServingEndpoint ready = serving.waitUntilReady("bir-tax-forecaster").await();

    assertEquals(EndpointReadyState.READY, ready.ready());
    assertEquals(2, server.getRequestCount());
    assertEquals(2, sleeper.sleeps().size());
  }

  @Test
  void deleteEndpoint() {
    server.enqueue(ok("{}"));
    serving.deleteEndpoint("old-endpoint");
    expect(server, "DELETE", "/api/2.0/serving-endpoints/old-endpoint");
  }
}
