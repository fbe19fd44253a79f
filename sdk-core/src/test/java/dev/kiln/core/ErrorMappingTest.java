package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.*;
import dev.kiln.core.internal.ErrorMapper;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(400, "INVALID_PARAMETER_VALUE", InvalidParameterValueException.class),
        Arguments.of(400, "INVALID_STATE", InvalidStateException.class),
        Arguments.of(400, "BAD_REQUEST", BadRequestException.class),
        Arguments.of(400, null, BadRequestException.class),
        Arguments.of(401, "UNAUTHENTICATED", UnauthenticatedException.class),
        Arguments.of(401, null, UnauthenticatedException.class),
        Arguments.of(403, "PERMISSION_DENIED", PermissionDeniedException.class),
        Arguments.of(403, null, PermissionDeniedException.class),
        Arguments.of(404, "RESOURCE_DOES_NOT_EXIST", ResourceDoesNotExistException.class),
        Arguments.of(404, "NOT_FOUND", NotFoundException.class),
        Arguments.of(404, null, NotFoundException.class),
        Arguments.of(409, "RESOURCE_ALREADY_EXISTS", ResourceAlreadyExistsException.class),
        Arguments.of(409, "ALREADY_EXISTS", ResourceAlreadyExistsException.class),
        Arguments.of(409, "ABORTED", AbortedException.class),
        Arguments.of(409, null, ResourceConflictException.class),
        Arguments.of(429, "RESOURCE_EXHAUSTED", ResourceExhaustedException.class),
        Arguments.of(429, "REQUEST_LIMIT_EXCEEDED", RequestLimitExceededException.class),
        Arguments.of(429, null, TooManyRequestsException.class),
        Arguments.of(499, null, CancelledException.class),
        Arguments.of(500, "INTERNAL_ERROR", InternalErrorException.class),
        Arguments.of(500, "DATA_LOSS", DataLossException.class),
        Arguments.of(500, "UNKNOWN", UnknownException.class),
        Arguments.of(500, null, InternalErrorException.class),
        Arguments.of(501, null, NotImplementedException.class),
        Arguments.of(503, "TEMPORARILY_UNAVAILABLE", TemporarilyUnavailableException.class),
        Arguments.of(503, null, TemporarilyUnavailableException.class),
        Arguments.of(504, "DEADLINE_EXCEEDED", DeadlineExceededException.class),
        Arguments.of(504, null, DeadlineExceededException.class),
        Arguments.of(418, "SOMETHING_NEW", DatabricksServiceException.class));
  }

  @ParameterizedTest
  @MethodSource("table")
  void statusAndCodeMapToTheirType(int status, String code, Class<? extends DatabricksServiceException> type) {
    String body = code == null ? "{\"message\":\"m\"}" : "{\"error_code\":\"" + code + "\",\"message\":\"m\"}";
    DatabricksServiceException e = ErrorMapper.map(status, body.getBytes(StandardCharsets.UTF_8), "application/json", "req-1");
    assertEquals(type, e.getClass());
    assertEquals(status, e.statusCode());
    assertEquals(code, e.errorCode());
    assertEquals("m", e.serverMessage());
    assertEquals("req-1", e.requestId().orElseThrow());
  }

  @Test
  void unknownCodesAreKeptRaw() {
    DatabricksServiceException e = ErrorMapper.map(400, "{\"error_code\":\"NEW_THING\",\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8), null, null);
    assertInstanceOf(BadRequestException.class, e);
    assertEquals("NEW_THING", e.errorCode());
    assertEquals("HTTP 400 NEW_THING: x", e.getMessage());
  }

  @Test
  void detailsAreKept() {
    String body = "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"bad\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"X\"}]}";
    DatabricksServiceException e = ErrorMapper.map(400, body.getBytes(StandardCharsets.UTF_8), null, null);
    assertEquals(1, e.details().size());
    assertEquals("X", e.details().get(0).get("reason").asText());
  }

  @Test
  void api12ErrorBodiesAreUnderstood() {
    DatabricksServiceException e = ErrorMapper.map(400,
        "{\"error\":\"ContextNotFound: context abc does not exist\"}".getBytes(StandardCharsets.UTF_8), null, null);
    assertInstanceOf(BadRequestException.class, e);
    assertEquals("ContextNotFound: context abc does not exist", e.serverMessage());
  }

  @Test
  void htmlBodiesKeepTheirText() {
    DatabricksServiceException e = ErrorMapper.map(502,
        "<html><body>Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8), "text/html", null);
    assertEquals(DatabricksServiceException.class, e.getClass());
    assertTrue(e.getMessage().contains("Bad Gateway"));
  }

  @Test
  void mappingHappensOnTheWireWithTheRequestId() {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("x-request-id", "abc-123")
        .body("{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Statement x not found\"}").build());
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper())) {
      ResourceDoesNotExistException e = assertThrows(ResourceDoesNotExistException.class,
          () -> db.call(ApiRequest.get("/api/2.0/sql/statements/x").build(), JsonNode.class));
      assertEquals("abc-123", e.requestId().orElseThrow());
      assertEquals("HTTP 404 RESOURCE_DOES_NOT_EXIST: Statement x not found (request id abc-123)", e.getMessage());
      assertInstanceOf(NotFoundException.class, e);
    }
  }

  @Test
  void storageErrorsKeepCodeAndMessageButNotTheEchoedRequest() throws Exception {
    String s3 = "<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we"
        + " calculated does not match</Message><SignatureProvided>sig-secret-123</SignatureProvided>"
        + "<StringToSign>AWS4-HMAC-SHA256 secret-scope</StringToSign></Error>";
    server.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/xml").body(s3).build());
    server.enqueue(new MockResponse.Builder().code(400).body("GET /bucket?X-Amz-Signature=sig-secret-456 rejected").build());
    try (DatabricksClient db = TestClients.forUrl("http://127.0.0.1:9", new FakeSleeper())) {
      PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> db.send(
          ApiRequest.absolute("GET", server.url("/bucket/chunk?X-Amz-Signature=sig-secret-123").uri()).build(), BodyReader.bytes()));
      assertEquals("SignatureDoesNotMatch", e.errorCode());
      assertTrue(e.getMessage().contains("does not match"), e.getMessage());
      assertTrue(!e.getMessage().contains("sig-secret-123") && !e.getMessage().contains("secret-scope"), e.getMessage());
      BadRequestException plain = assertThrows(BadRequestException.class, () -> db.send(
          ApiRequest.absolute("GET", server.url("/bucket").uri()).build(), BodyReader.bytes()));
      assertTrue(!plain.getMessage().contains("sig-secret-456"), plain.getMessage());
    }
  }
}
