package dev.kiln.sql;

import dev.kiln.core.testing.Wire;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.sql.SqlTestBase.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.sql.model.Disposition;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.OnWaitTimeout;
import dev.kiln.sql.model.StatementParameter;
import dev.kiln.sql.model.StatementRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StatementRequestTest extends SqlTestBase {
  @Test
  void everyFieldAndTypedParameterIsSerialisedExactly() throws Exception {
    server.enqueue(ok(statement("p1", "SUCCEEDED", "")));

    sql.submit(StatementRequest.builder()
        .warehouseId("wh-7")
        .statement("SELECT :s, :i, :l, :dbl, :dec, :b, :day, :ts, :ns, :nd, :nn, :f, :ndec")
        .catalog("main")
        .schema("gold")
        .addParameters(StatementParameter.of("s", "it's"))
        .addParameters(StatementParameter.of("i", 2026))
        .addParameters(StatementParameter.of("l", 9007199254740993L))
        .addParameters(StatementParameter.of("dbl", 0.25))
        .addParameters(StatementParameter.of("dec", new BigDecimal("1234.50")))
        .addParameters(StatementParameter.of("b", true))
        .addParameters(StatementParameter.of("day", LocalDate.of(2026, 1, 31)))
        .addParameters(StatementParameter.of("ts", Instant.parse("2026-01-31T10:15:30Z")))
        .addParameters(StatementParameter.of("ns", (String) null))
        .addParameters(StatementParameter.ofNull("nd", "DATE"))
        .addParameters(StatementParameter.ofNull("nn"))
        .addParameters(StatementParameter.of("f", "1.5", "FLOAT"))
        .addParameters(StatementParameter.of("ndec", (BigDecimal) null))
        .rowLimit(1000)
        .byteLimit(1_000_000)
        .disposition(Disposition.EXTERNAL_LINKS)
        .format(Format.CSV)
        .waitTimeout(Duration.ofSeconds(30))
        .onWaitTimeout(OnWaitTimeout.CANCEL)
        .build());

    expectJsonPost(server, "/api/2.0/sql/statements/", "{"
        + "'statement':'SELECT :s, :i, :l, :dbl, :dec, :b, :day, :ts, :ns, :nd, :nn, :f, :ndec',"
        + "'warehouse_id':'wh-7','catalog':'main','schema':'gold',"
        + "'parameters':["
        + "{'name':'s','value':'it\\u0027s','type':'STRING'},"
        + "{'name':'i','value':'2026','type':'INT'},"
        + "{'name':'l','value':'9007199254740993','type':'BIGINT'},"
        + "{'name':'dbl','value':'0.25','type':'DOUBLE'},"
        + "{'name':'dec','value':'1234.50','type':'DECIMAL(6,2)'},"
        + "{'name':'b','value':'true','type':'BOOLEAN'},"
        + "{'name':'day','value':'2026-01-31','type':'DATE'},"
        + "{'name':'ts','value':'2026-01-31T10:15:30Z','type':'TIMESTAMP'},"
        + "{'name':'ns','type':'STRING'},"
        + "{'name':'nd','type':'DATE'},"
        + "{'name':'nn'},"
        + "{'name':'f','value':'1.5','type':'FLOAT'},"
        + "{'name':'ndec','type':'DECIMAL'}],"
        + "'row_limit':1000,'byte_limit':1000000,'disposition':'EXTERNAL_LINKS','format':'CSV',"
        + "'wait_timeout':'30s','on_wait_timeout':'CANCEL'}");
  }

  @Test
  void decimalTypeFollowsTheValue() {
    assertEquals("DECIMAL(2,2)", StatementParameter.of("d", new BigDecimal("0.05")).type().orElseThrow());
    assertEquals("DECIMAL(6,0)", StatementParameter.of("d", new BigDecimal("1.23E+5")).type().orElseThrow());
    assertEquals("123000", StatementParameter.of("d", new BigDecimal("1.23E+5")).value().orElseThrow());
    assertEquals("DECIMAL(38,0)", StatementParameter.of("d", new BigDecimal("9".repeat(38))).type().orElseThrow());
  }

  @Test
  void parameterValuesStayOutOfToString() {
    String text = StatementRequest.builder().warehouseId("wh").statement("SELECT :pw")
        .addParameters(StatementParameter.of("pw", "hunter2-secret")).build().toString();
    assertFalse(text.contains("hunter2-secret"), text);
    assertTrue(text.contains("pw"), text);
  }

  @Test
  void invalidRequestsFailBeforeAnythingIsSent() {
    assertRejected("warehouseId is blank", () -> StatementRequest.builder().warehouseId(" ").statement("SELECT 1").build());
    assertRejected("warehouseId is blank", () -> StatementRequest.builder().statement("SELECT 1").build());
    assertRejected("statement is blank", () -> StatementRequest.builder().warehouseId("wh").build());
    assertRejected("needs disposition EXTERNAL_LINKS", () -> base().format(Format.CSV).build());
    assertRejected("needs disposition EXTERNAL_LINKS",
        () -> base().format(Format.ARROW_STREAM).disposition(Disposition.INLINE).build());
    assertRejected("waitTimeout must be 0 or 5 to 50", () -> base().waitTimeout(Duration.ofSeconds(4)).build());
    assertRejected("waitTimeout must be 0 or 5 to 50", () -> base().waitTimeout(Duration.ofSeconds(51)).build());
    assertRejected("waitTimeout must be 0 or 5 to 50", () -> base().waitTimeout(Duration.ofMillis(5500)).build());
    assertRejected("onWaitTimeout CANCEL needs", () -> base().waitTimeout(Duration.ZERO)
        .onWaitTimeout(OnWaitTimeout.CANCEL).build());
    assertRejected("over the 16 MiB limit", () -> StatementRequest.builder().warehouseId("wh")
        .statement("SELECT '" + "é".repeat(8 * 1024 * 1024) + "'").build());
    assertRejected("given twice", () -> base().addParameters(StatementParameter.of("a", 1), StatementParameter.of("a", 2))
        .build());
    assertRejected("not a valid marker name", () -> StatementParameter.of(":year", 2026));
    assertRejected("at most 38 digits", () -> StatementParameter.of("d", new BigDecimal("1" + "0".repeat(38))));
    assertRejected("rowLimit must be positive", () -> base().rowLimit(0).build());
    assertRejected("resultCompression LZ4_FRAME needs disposition EXTERNAL_LINKS",
        () -> base().resultCompression(dev.kiln.sql.model.ResultCompression.LZ4_FRAME).build());
    assertRejected("resultCompression UNKNOWN cannot be requested", () -> base().disposition(Disposition.EXTERNAL_LINKS)
        .resultCompression(dev.kiln.sql.model.ResultCompression.UNKNOWN).build());
    assertRejected("catalog is blank", () -> base().catalog("").build());
    assertRejected("pageSize must be 1 to 100", () -> sql.listQueries(101));
    assertRejected("statementId must not be blank", () -> sql.handle(""));
    assertRejected("statementId must not be '..'", () -> sql.handle(".."));
    assertRejected("statementId is 1025 characters", () -> sql.handle("x".repeat(1025)));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void boundaryWaitTimeoutsAreAccepted() {
    base().waitTimeout(Duration.ZERO).build();
    base().waitTimeout(Duration.ofSeconds(5)).build();
    base().waitTimeout(Duration.ofSeconds(50)).onWaitTimeout(OnWaitTimeout.CANCEL).build();
    base().format(Format.ARROW_STREAM).disposition(Disposition.EXTERNAL_LINKS).build();
  }

  private static StatementRequest.Builder base() {
    return StatementRequest.builder().warehouseId("wh").statement("SELECT 1");
  }

  private static void assertRejected(String messagePart, Supplier<?> build) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, build::get);
    assertTrue(e.getMessage().contains(messagePart), "message was: " + e.getMessage());
  }
}
