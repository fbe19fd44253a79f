# Kiln emulator: runs the python commands of one execution context in one namespace, so variables,
# imports and functions survive from command to command as on a Databricks cluster.
#
# Protocol (one JSON object per line):
#   stdin : {"number": 3, "code": "x = 1\nx + 1"}
#   stdout: MARK + {"ok": true, "text": "2\n"}
#           MARK + {"ok": false, "text": "...", "summary": "<span ...>NameError</span>: ...", "cause": "..."}
# Anything else on stdout (output written below sys.stdout, e.g. by a subprocess) is passed along as text.
import ast
import contextlib
import html
import io
import json
import linecache
import sys
import traceback

MARK = "\x01kiln-result\x01"
RED, GREEN, CYAN, RESET = "\x1b[0;31m", "\x1b[0;32m", "\x1b[0;36m", "\x1b[0m"

protocol_out = sys.stdout
protocol_in = sys.stdin
sys.stdin = io.StringIO("")  # input() in a command must not eat the next command
namespace = {"__name__": "__main__", "__builtins__": __builtins__}


def reply(message):
    protocol_out.write(MARK + json.dumps(message) + "\n")
    protocol_out.flush()


def run(code, filename):
    """Runs code like a notebook cell: the value of a last bare expression is shown."""
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    tree = ast.parse(code, filename=filename, mode="exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, "exec"), namespace)
    if last is not None:
        value = eval(compile(last, filename, "eval"), namespace)
        if value is not None:
            print(repr(value))


def coloured_traceback(error):
    """IPython-style traceback with ANSI colours, as Databricks puts in an error result's cause."""
    name = type(error).__name__
    lines = [RED + "-" * 75 + RESET,
             RED + name + RESET + " " * max(1, 42 - len(name)) + "Traceback (most recent call last)"]
    if isinstance(error, SyntaxError):
        lines.append("File " + GREEN + str(error.filename) + ":" + str(error.lineno) + RESET)
        if error.text:
            lines.append("    " + error.text.rstrip())
            if error.offset:
                lines.append("    " + " " * (error.offset - 1) + "^")
        message = error.msg
    else:
        for frame in traceback.extract_tb(error.__traceback__):
            if frame.filename == "<string>":  # this driver
                continue
            where = "File " + GREEN + frame.filename + ":" + str(frame.lineno) + RESET
            if frame.name != "<module>":
                where += ", in " + CYAN + frame.name + "()" + RESET
            lines.append(where)
            if frame.line:
                lines.append(GREEN + "----> " + str(frame.lineno) + RESET + " " + frame.line)
            lines.append("")
        message = str(error)
    lines.append(RED + name + RESET + ": " + message)
    return "\n".join(lines)


def main():
    reply({"ready": True, "python": sys.version.split()[0]})
    while True:
        line = protocol_in.readline()
        if not line:
            return  # the emulator closed stdin: the context is gone
        request = json.loads(line)
        filename = "<command-%d>" % request["number"]
        output = io.StringIO()
        try:
            with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                run(request["code"], filename)
            reply({"ok": True, "text": output.getvalue()})
        except BaseException as error:  # SystemExit too: a command must not end the context
            message = error.msg if isinstance(error, SyntaxError) else str(error)
            summary = "<span class='ansi-red-fg'>" + html.escape(type(error).__name__) + "</span>: " \
                + html.escape(message)
            reply({"ok": False, "text": output.getvalue(), "summary": summary,
                   "cause": coloured_traceback(error)})


main()
