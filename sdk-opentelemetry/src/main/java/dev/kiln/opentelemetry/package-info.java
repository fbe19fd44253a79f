/**
 * OpenTelemetry for Kiln: {@link dev.kiln.opentelemetry.KilnTelemetry#create} gives a
 * {@link dev.kiln.core.ClientListener} to register on
 * {@link dev.kiln.core.DatabricksClient.Builder#listener}; the client then reports
 *
 * <ul>
 *   <li>a {@code CLIENT} span per HTTP attempt, named {@code "{method} {url.template}"}, with the
 *       semantic-convention attributes {@code http.request.method}, {@code url.template},
 *       {@code url.full} (never with a query string), {@code server.address}, {@code server.port},
 *       {@code http.response.status_code}, {@code http.request.resend_count} (retries),
 *       {@code error.type} (failures) and {@code databricks.request_id};
 *   <li>an {@code INTERNAL} span per long-running operation (statement, command, run, Genie
 *       message, ...), named {@code "Kiln {kind}"}, from its start to its end, with
 *       {@code kiln.operation.kind}, {@code kiln.operation.id}, {@code kiln.operation.status},
 *       {@code kiln.operation.polls}; the attempts that poll or cancel it are its children;
 *   <li>the metrics {@code http.client.request.duration}, {@code kiln.client.retries},
 *       {@code kiln.operation.polls} and {@code kiln.operation.duration}, whose attributes are
 *       bounded: the path template, never the path with its ids.
 * </ul>
 *
 * Spans start in the caller's current {@link io.opentelemetry.context.Context}. No header, token,
 * query string or body is ever recorded.
 */
package dev.kiln.opentelemetry;
