package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.ErrorInfo;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class HygieneTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @Test
  void anErrorPageEchoingTheAuthorizationHeaderDoesNotPutTheTokenInTheMessage() {
    String page = "<html><body><h1>400 Bad Request</h1><pre>GET /api/2.0/x\nAuthorization: Bearer "
        + TestClients.TOKEN + "\nX-Other: Basic dXNlcjpwYXNzd29yZA==\nraw " + TestClients.TOKEN + "</pre></body></html>";
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "text/html").body(page).build());
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper())) {
      DatabricksServiceException e = assertThrows(DatabricksServiceException.class,
          () -> db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class));
      assertFalse(e.getMessage().contains(TestClients.TOKEN), e.getMessage());
      assertFalse(e.serverMessage().contains(TestClients.TOKEN), e.serverMessage());
      assertFalse(e.getMessage().contains("dXNlcjpwYXNzd29yZA=="), e.getMessage());
      assertTrue(e.getMessage().contains("400 Bad Request"), "the rest of the page is kept: " + e.getMessage());
    }
  }

  @Test
  void proseThatMerelyNamesASchemeIsKept() {
    String text = "token budget used up; basic tier; Basic plan; the Bearer of bad news";
    String redacted = dev.kiln.core.internal.Redaction.redact(text);
    assertTrue(redacted.startsWith("token budget used up; basic tier; Basic plan; the Bearer ***"), redacted);
    assertFalse(dev.kiln.core.internal.Redaction.redact("Authorization: bearer abc.def-ghi").contains("abc.def-ghi"));
    assertFalse(dev.kiln.core.internal.Redaction.redact("Basic dXNlcjpwYXNzd29yZA==").contains("dXNlcjpw"));
  }

  @Test
  void aHostUrlWithUserinfoDoesNotEchoThePassword() {
    for (String host : new String[] {"https://user:s3cretPass@", "https://user:s3cretPass@bad host/x",
        "ftp://user:s3cretPass@example.com", "http://user:s3cretPass@example.com"}) {
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabricksClient.builder()
          .host(host).credentials(Credentials.personalAccessToken(TestClients.TOKEN)).build());
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains("s3cretPass"), host + " -> " + t.getMessage());
      }
    }
  }

  @Test
  void errorInfoCannotBeBuiltAndAttemptsCannotBeSetByUsers() throws Exception {
    assertTrue(Arrays.stream(ErrorInfo.class.getDeclaredConstructors()).noneMatch(c -> Modifier.isPublic(c.getModifiers())));
    assertFalse(Modifier.isPublic(DatabricksServiceException.class.getDeclaredMethod("recordAttempts", int.class).getModifiers()));
  }
}
