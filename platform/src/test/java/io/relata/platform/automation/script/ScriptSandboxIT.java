package io.relata.platform.automation.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The script sandbox, with the real runner process: what a script may do, and every abuse stopped
 * within its limit and reported — loops, slow statements, recursion, huge strings, a memory bomb
 * (the runner ends, the next script runs in a new one), prototype pollution, escape routes, and the
 * platform's own limits on queries, records and the log.
 */
class ScriptSandboxIT {

  private static final ScriptRunners RUNNERS = new ScriptRunners();
  private static final ScriptLimits LIMITS = ScriptLimits.DEFAULT;

  @AfterAll
  static void stop() {
    RUNNERS.stop();
  }

  private static ScriptResult run(String source) {
    return run(source, LIMITS, ScriptHost.NONE);
  }

  private static ScriptResult run(String source, ScriptLimits limits, ScriptHost host) {
    ObjectNode record = JsonNodeFactory.instance.objectNode().put("company", "Acme");
    record.put("users", 120);
    return RUNNERS.run(new ScriptRequest("test.js", source, record, limits), host);
  }

  private static void stoppedBy(String kind, ScriptResult result) {
    assertTrue(result.failure().isPresent(), "not stopped: " + result);
    assertEquals(kind, result.failure().get().kind(), result.failure().get().toString());
  }

  @Test
  void aScriptReadsAndChangesItsRecordLogsAndRaisesProblems() {
    ScriptResult result =
        run(
            "record.score = record.users > 100 ? 50 : 10;\n"
                + "log('scored', record.company, record.score);\n"
                + "if (record.users > 100) problem('users', 'too many for the plan');");
    assertTrue(result.ok(), result.toString());
    assertEquals(50, result.record().orElseThrow().get("score").asInt());
    assertEquals(List.of("scored Acme 50"), result.log());
    assertEquals(Map.of("users", "too many for the plan"), result.problems());
    assertEquals("scored Acme 50".length() + 1, result.usage().logBytes());
  }

  @Test
  void loopsSlowStatementsAndRecursionAreStoppedWithinTheirLimits() {
    stoppedBy("statements", run("while (true) {}"));
    ScriptResult slow =
        run(
            "for (let i = 0; i < 400000; i++) { 'abc'.repeat(2000).lastIndexOf('x'); }",
            new ScriptLimits(1_000_000, Duration.ofSeconds(1), 20, 2_000, 50, 16_384),
            ScriptHost.NONE);
    stoppedBy("time", slow);
    assertTrue(slow.usage().millis() < 4_000, "stopped near its second: " + slow.usage());
    ScriptResult deep = run("function down(n) { return down(n + 1) + 1; }\ndown(0);");
    stoppedBy("error", deep);
    assertTrue(deep.failure().get().message().contains("stack"), deep.toString());
    ScriptResult syntax = run("record.score = ;");
    stoppedBy("syntax", syntax);
    assertEquals(Optional.of(1), syntax.failure().get().line());
    ScriptResult thrown = run("const users = record.users;\nthrow new Error('no users');");
    stoppedBy("error", thrown);
    assertEquals(Optional.of(2), thrown.failure().get().line(), "the line of the throw");
  }

  @Test
  void hugeStringsAndAMemoryBombEndInTheRunnerNotTheServer() {
    ScriptResult strings = run("let s = 'x'; while (true) { s = s + s; }");
    assertTrue(strings.failure().isPresent(), strings.toString());
    assertTrue(
        List.of("error", "memory").contains(strings.failure().get().kind()), strings.toString());
    stoppedBy("memory", run("const a = new Array(1 << 26).fill(1); record.n = a.length;"));
    stoppedBy("memory", run("record.notes = 'x'.repeat(5000000);"));
    ScriptResult problems =
        run("for (let i = 0; i < 100; i++) problem('f' + i, 'y'.repeat(2000000));");
    assertEquals(50, problems.problems().size(), "at most 50 problems come back");
    assertTrue(problems.problems().values().stream().allMatch(m -> m.length() == 500));
    ScriptResult after = run("record.score = 1;");
    assertTrue(after.ok(), "a new runner takes the next script: " + after);
  }

  @Test
  void aSyntaxErrorIsFoundAtItsLineWithoutRunningTheScript() {
    run("record.a = 1;"); // the runner is up: the check waits for no start
    ScriptRunners.SyntaxError error =
        RUNNERS
            .check("typed.js", "record.a = 1;\nrecord.b = record.a * ;\nwhile (true) {}")
            .orElseThrow();
    assertEquals(java.util.Optional.of(2), error.line());
    assertTrue(
        !error.message().contains("typed.js") && !error.message().startsWith("SyntaxError"),
        error.message());
    // a script that parses has no error, and a check never runs it: the loop does not stop it
    assertEquals(java.util.Optional.empty(), RUNNERS.check("fine.js", "while (true) {}"));
  }

  @Test
  void aPollutedPrototypeDoesNotReachTheNextRun() {
    assertTrue(run("Object.prototype.polluted = 'yes'; globalThis.leak = 1;").ok());
    ScriptResult next = run("record.seen = typeof ({}).polluted + ' ' + typeof globalThis.leak;");
    assertEquals("undefined undefined", next.record().orElseThrow().get("seen").asText());
  }

  @Test
  void everyEscapeRouteIsClosed() {
    ScriptResult globals =
        run(
            "record.seen = [typeof Java, typeof Packages, typeof Polyglot, typeof load,"
                + " typeof print, typeof console, typeof Graal, typeof require,"
                + " typeof quit, typeof readline].join(' ');");
    assertEquals(
        "undefined undefined undefined undefined undefined undefined undefined undefined"
            + " undefined undefined",
        globals.record().orElseThrow().get("seen").asText());
    for (String escape :
        List.of(
            "Java.type('java.lang.Runtime').getRuntime().exec('id');",
            "Packages.java.lang.System.exit(1);",
            "Polyglot.eval('js', '1');",
            "load('/etc/passwd');",
            "log.constructor('return Java')().type('java.lang.System');",
            "Object.getPrototypeOf(log).constructor('return this')().Java.type('x');")) {
      ScriptResult result = run(escape);
      stoppedBy("error", result);
    }
    ScriptResult reflection =
        run(
            "const seen = [];\n"
                + "for (const name of ['getClass', 'class', 'hashCode', 'wait', 'notify']) {\n"
                + "  try { seen.push(name + ':' + typeof log[name]); } catch (e) { seen.push(name); }\n"
                + "}\n"
                + "record.seen = seen.join(' ');");
    assertTrue(reflection.ok(), reflection.toString());
    assertTrue(
        !reflection.record().orElseThrow().get("seen").asText().contains("function"),
        reflection.toString());
  }

  @Test
  void thePlatformsLimitsOnQueriesRecordsAndTheLogHold() {
    ScriptHost host =
        new ScriptHost() {
          @Override
          public ArrayNode query(String object, String condition, int limit) {
            ArrayNode rows = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < limit; i++) {
              rows.addObject().put("object", object).put("n", i);
            }
            return rows;
          }

          @Override
          public JsonNode create(String object, ObjectNode values) {
            return JsonNodeFactory.instance.textNode("new-id");
          }
        };
    ScriptResult read =
        run(
            "const rows = query('lead', 'users > 10', 5); record.read = rows.length;"
                + " record.made = create('task', {subject: 'x'});",
            LIMITS,
            host);
    assertTrue(read.ok(), read.toString());
    assertEquals(5, read.record().orElseThrow().get("read").asInt());
    assertEquals("new-id", read.record().orElseThrow().get("made").asText());
    stoppedBy(
        "queries", run("for (;;) { try { query('lead', null, 1); } catch (e) {} }", LIMITS, host));
    stoppedBy("records", run("for (let i = 0; i < 60; i++) { create('task', {}); }", LIMITS, host));
    stoppedBy(
        "rows", run("for (let i = 0; i < 20; i++) { query('lead', null, 200); }", LIMITS, host));
    stoppedBy("log", run("for (;;) { log('x'.repeat(1000)); }"));
  }
}
