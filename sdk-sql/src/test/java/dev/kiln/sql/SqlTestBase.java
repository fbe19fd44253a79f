package dev.kiln.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh MockWebServer per test, and a SqlClient on a client whose sleeper never waits; plus the
 * SQL-specific wire helpers (core's {@link Wire} has the generic ones).
 */
abstract class SqlTestBase {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  SqlClient sql;

  @BeforeEach
  void startClient() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    sql = SqlClient.create(db);
  }

  @AfterEach
  void closeClient() {
    db.close();
  }

  /** A statement answer; {@code rest} is extra JSON members such as manifest and result. */
  static String statement(String id, String state, String rest) {
    return "{'statement_id':'" + id + "','status':{'state':'" + state + "'}" + (rest.isEmpty() ? "" : "," + rest) + "}";
  }

  /** A Databricks error answer. */
  static MockResponse apiError(int code, String errorCode, String message) {
    return Wire.error(code, "{'error_code':'" + errorCode + "','message':'" + message + "'}");
  }

  /**
   * Every single quote turned into a double quote, for fixtures whose JSON values hold JSON text
   * themselves ({@link Wire#json} keeps quotes inside string values as they are).
   */
  static String doubleQuoted(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A 200 answer with a body that is not JSON (CSV from storage). */
  static MockResponse okText(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  /**
   * A 200 JSON answer whose body stops after its first {@code sent} characters until {@code unstall}
   * opens (headers and a first part arrive, then silence).
   */
  static MockResponse stallingAfter(int sent, String json, CountDownLatch unstall) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(new MockResponseBody() {
          @Override
          public long getContentLength() {
            return json.length();
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(json.substring(0, sent)).flush();
            try {
              unstall.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            sink.writeUtf8(json.substring(sent)).flush();
          }
        }).build();
  }

  static void assertNoBody(RecordedRequest r) {
    assertEquals(0, r.getBodySize(), "expected no request body");
  }
}
