package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a job's notebook task through the execution-context engine, on a context of its own that is destroyed
 * when the notebook ends. Python notebooks run as one command with a small {@code dbutils} (widgets holding the
 * task's parameters, {@code notebook.exit(value)}); the exit value, or else the value of a last bare
 * expression, becomes {@code notebook_output.result}. SQL notebooks run statement by statement (with
 * {@code ${name}} and {@code :name} replaced by parameters); the single value of the last query, if it returned
 * one row of one column, is the result.
 */
final class NotebookRunner {
  static final String MARK = "\u0001kiln-notebook\u0001";
  private static final Pattern CELL = Pattern.compile("(?m)^\\s*(#|--)\\s*COMMAND -{5,}\\s*$");
  private static final Pattern HEADER = Pattern.compile("^\\s*(#|--)\\s*Databricks notebook source\\s*\\n?");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");

  private final ExecutionContexts contexts;

  NotebookRunner(ExecutionContexts contexts) {
    this.contexts = contexts;
  }

  /** What a notebook ended with. */
  static final class Outcome {
    final boolean failed;
    final String result; // null: no exit value
    final String error;
    final String errorTrace;
    final String logs;

    Outcome(boolean failed, String result, String error, String errorTrace, String logs) {
      this.failed = failed;
      this.result = result;
      this.error = error;
      this.errorTrace = errorTrace;
      this.logs = logs;
    }

    static Outcome success(String result, String logs) {
      return new Outcome(false, result, null, null, logs);
    }

    static Outcome failure(String error, String errorTrace) {
      return new Outcome(true, null, error, errorTrace, null);
    }
  }

  /** A notebook being run; {@link #poll()} is cheap and never blocks. */
  interface Execution {
    Optional<Outcome> poll();

    void cancel();
  }

  /** Starts the notebook on {@code clusterId} with {@code params} as its widgets. */
  Execution start(String clusterId, Notebook notebook, Map<String, String> params) {
    String language = notebook.language().equals("PYTHON") ? "python" : notebook.language().equals("SQL") ? "sql" : null;
    if (language == null) {
      return done(Outcome.failure("UnsupportedOperationException: the Kiln emulator runs PYTHON and SQL notebooks, not "
          + notebook.language(), null));
    }
    ExecutionContext context;
    try {
      context = contexts.create(clusterId, language);
    } catch (ApiException e) {
      return done(Outcome.failure("ClusterError: " + e.getMessage(), null));
    }
    List<Command> commands = new ArrayList<>();
    if (language.equals("python")) {
      commands.add(contexts.submit(context, "python", pythonProgram(notebook, params)));
    } else {
      for (String statement : sqlStatements(notebook.source(), params)) {
        commands.add(contexts.submit(context, "sql", statement));
      }
    }
    return new ContextExecution(clusterId, context, commands, language.equals("python"));
  }

  private static Execution done(Outcome outcome) {
    return new Execution() {
      @Override
      public Optional<Outcome> poll() {
        return Optional.of(outcome);
      }

      @Override
      public void cancel() {}
    };
  }

  private final class ContextExecution implements Execution {
    private final String clusterId;
    private final ExecutionContext context;
    private final List<Command> commands;
    private final boolean python;
    private Outcome outcome;

    ContextExecution(String clusterId, ExecutionContext context, List<Command> commands, boolean python) {
      this.clusterId = clusterId;
      this.context = context;
      this.commands = commands;
      this.python = python;
    }

    @Override
    public synchronized Optional<Outcome> poll() {
      if (outcome != null) {
        return Optional.of(outcome);
      }
      if (commands.isEmpty()) {
        outcome = Outcome.success(null, "");
      } else {
        for (Command command : commands) {
          Command.Status status = command.status();
          if (!status.isTerminal()) {
            return Optional.empty();
          }
          JsonNode results = command.toJson().path("results");
          if (status != Command.Status.FINISHED || "error".equals(results.path("resultType").asText())) {
            outcome = failureOf(command, results);
            break;
          }
        }
        if (outcome == null) {
          JsonNode last = commands.get(commands.size() - 1).toJson().path("results");
          outcome = python ? pythonOutcome(last.path("data").asText("")) : Outcome.success(singleValue(last), "");
        }
      }
      destroy();
      return Optional.of(outcome);
    }

    @Override
    public synchronized void cancel() {
      destroy();
    }

    private void destroy() {
      try {
        contexts.destroy(clusterId, context.id());
      } catch (ApiException alreadyGone) {
        // the cluster stopped and took the context with it
      }
    }
  }

  private static Outcome failureOf(Command command, JsonNode results) {
    if (command.status() == Command.Status.CANCELLED) {
      return Outcome.failure("The notebook was cancelled", null);
    }
    String summary = HTML_TAG.matcher(results.path("summary").asText("")).replaceAll("");
    return Outcome.failure(unescapeHtml(summary.isEmpty() ? "The notebook failed" : summary),
        results.path("cause").asText(null));
  }

  private static Outcome pythonOutcome(String text) {
    int mark = text.lastIndexOf(MARK);
    if (mark < 0) {
      return Outcome.success(null, text);
    }
    JsonNode exit = Json.parse(text.substring(mark + MARK.length()).trim());
    String logs = text.substring(0, mark);
    JsonNode result = exit.path("result");
    return Outcome.success(result.isNull() || result.isMissingNode() ? null : result.asText(), logs);
  }

  private static String singleValue(JsonNode tableResult) {
    JsonNode data = tableResult.path("data");
    if (data.isArray() && data.size() == 1 && data.get(0).size() == 1) {
      JsonNode value = data.get(0).get(0);
      return value.isNull() ? null : value.asText();
    }
    return null;
  }

  private static String unescapeHtml(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  /** The notebook wrapped so that {@code dbutils} works and the exit value comes back after {@link #MARK}. */
  static String pythonProgram(Notebook notebook, Map<String, String> params) {
    return "import ast as _kiln_ast, base64 as _kiln_b64, json as _kiln_json\n"
        + "class _KilnNotebookExit(BaseException):\n"
        + "    def __init__(self, value):\n"
        + "        self.value = value\n"
        + "class _KilnWidgets:\n"
        + "    def __init__(self, values):\n"
        + "        self._values = dict(values)\n"
        + "    def get(self, name):\n"
        + "        if name not in self._values:\n"
        + "            raise ValueError('InputWidgetNotDefined: No input widget named ' + name + ' is defined')\n"
        + "        return self._values[name]\n"
        + "    def getAll(self):\n"
        + "        return dict(self._values)\n"
        + "    def text(self, name, defaultValue='', label=None):\n"
        + "        self._values.setdefault(name, defaultValue)\n"
        + "    def dropdown(self, name, defaultValue, choices=None, label=None):\n"
        + "        self._values.setdefault(name, defaultValue)\n"
        + "    combobox = dropdown\n"
        + "    def remove(self, name):\n"
        + "        pass\n"
        + "    def removeAll(self):\n"
        + "        pass\n"
        + "class _KilnNotebookUtils:\n"
        + "    def exit(self, value):\n"
        + "        raise _KilnNotebookExit(value)\n"
        + "class _KilnDbutils:\n"
        + "    def __init__(self, params):\n"
        + "        self.widgets = _KilnWidgets(params)\n"
        + "        self.notebook = _KilnNotebookUtils()\n"
        + "dbutils = _KilnDbutils(_kiln_json.loads(_kiln_b64.b64decode('" + base64(Json.text(params)) + "').decode('utf-8')))\n"
        + "def _kiln_run(source, path):\n"
        + "    tree = _kiln_ast.parse(source, filename=path, mode='exec')\n"
        + "    last = None\n"
        + "    if tree.body and isinstance(tree.body[-1], _kiln_ast.Expr):\n"
        + "        last = _kiln_ast.Expression(tree.body.pop().value)\n"
        + "    exec(compile(tree, path, 'exec'), globals())\n"
        + "    return eval(compile(last, path, 'eval'), globals()) if last is not None else None\n"
        + "try:\n"
        + "    _kiln_value = _kiln_run(_kiln_b64.b64decode('" + base64(notebook.source()) + "').decode('utf-8'), "
        + "'" + notebook.path().replace("\\", "\\\\").replace("'", "\\'") + "')\n"
        + "except _KilnNotebookExit as _kiln_exit:\n"
        + "    _kiln_value = _kiln_exit.value\n"
        + "print('\\x01kiln-notebook\\x01' + _kiln_json.dumps({'result': None if _kiln_value is None else str(_kiln_value)}))\n";
  }

  /** The statements of a SQL notebook: cells split on COMMAND lines, then on semicolons ending a line. */
  static List<String> sqlStatements(String source, Map<String, String> params) {
    String body = HEADER.matcher(source).replaceFirst("");
    List<String> statements = new ArrayList<>();
    for (String cell : CELL.split(body)) {
      for (String statement : cell.split(";\\s*(\\n|$)")) {
        String withParams = substitute(statement, params).strip();
        if (!withParams.isEmpty() && !withParams.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
          statements.add(withParams);
        }
      }
    }
    return statements;
  }

  private static String substitute(String sql, Map<String, String> params) {
    String out = sql;
    for (Map.Entry<String, String> p : params.entrySet()) {
      String quoted = "'" + p.getValue().replace("'", "''") + "'";
      out = out.replace("${" + p.getKey() + "}", p.getValue());
      out = out.replaceAll(":" + Pattern.quote(p.getKey()) + "\\b", Matcher.quoteReplacement(quoted));
    }
    return out;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
