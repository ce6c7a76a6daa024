package io.swirl.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table of broken definitions (src/test/resources/broken): each yields exactly the expected
 * diagnostic, at the expected line and column. {@code of} is how many diagnostics the file yields
 * in all; a file with two rows yields two.
 */
class BrokenDefinitionsTest {

  private static final Path BROKEN = Path.of("src", "test", "resources", "broken");
  private static final DefinitionValidator VALIDATOR = new DefinitionValidator();

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # file                            | of | code                    | severity | line | col | pointer                                              | message contains
          then-target-missing.yaml          | 2  | unknown-then-target     | ERROR    | 10   | 13  | /do/0/checkStock/then                                | then: 'shipOrdr' names no task in this list; use one of checkStock, shipOrder or continue, exit, end; did you mean 'shipOrder'?
          then-target-missing.yaml          | 2  | unreachable-task        | WARNING  | 11   | 5   | /do/1/shipOrder                                      | task 'shipOrder' is never run
          then-target-missing.json          | 2  | unknown-then-target     | ERROR    | 4    | 41  | /do/0/a/then                                         | then: 'c' names no task in this list
          then-target-missing.json          | 2  | unreachable-task        | WARNING  | 5    | 7   | /do/1/b                                              | task 'b' is never run
          switch-then-target-missing.yaml   | 1  | unknown-then-target     | ERROR    | 11   | 19  | /do/0/route/switch/0/big/then                        | then: 'handleBig' names no task in this list
          duplicate-task-name.yaml          | 1  | duplicate-task-name     | ERROR    | 10   | 5   | /do/1/greet                                          | duplicate task name 'greet' in this list (first at line 7)
          unknown-function.yaml             | 1  | unknown-function        | ERROR    | 15   | 13  | /do/0/fetch/call                                     | function 'getPets' is not defined; define it under use.functions
          unknown-catalog.yaml              | 2  | unknown-catalog         | ERROR    | 8    | 13  | /do/0/log/call                                       | catalog 'global' is not defined; add it under use.catalogs
          unknown-catalog.yaml              | 2  | unsupported-feature     | WARNING  | 8    | 7   | /do/0/log/call                                       | functions loaded from a URI or a catalog
          unknown-error.yaml                | 1  | unknown-error           | ERROR    | 14   | 16  | /do/0/fail/raise/error                               | error 'notFund' is not defined; define it under use.errors; did you mean 'notFound'?
          unknown-retry.yaml                | 1  | unknown-retry           | ERROR    | 13   | 16  | /do/0/guarded/catch/retry                            | retry policy 'fiveTimes' is not defined; define it under use.retries
          unknown-authentication.yaml       | 1  | unknown-authentication  | ERROR    | 14   | 18  | /do/0/getPet/with/endpoint/authentication/use        | authentication 'petStoreAuth' is not defined; define it under use.authentications
          unknown-secret.yaml               | 1  | unknown-secret          | ERROR    | 18   | 20  | /do/0/getPet/with/endpoint/authentication/bearer/use | secret 'apiTokn' is not declared; add it to use.secrets; did you mean 'apiToken'?
          unknown-secret-in-expression.yaml | 1  | unknown-secret          | ERROR    | 9    | 16  | /do/0/login/set/token                                | $secrets.apiToken is not declared; add 'apiToken' to use.secrets
          unknown-timeout.yaml              | 1  | unknown-timeout         | ERROR    | 13   | 16  | /do/0/slow/timeout                                   | timeout 'long' is not defined; define it under use.timeouts
          jq-syntax.yaml                    | 1  | jq-syntax               | ERROR    | 9    | 16  | /do/0/compute/set/total                              | jq does not compile: unexpected end of expression at column 27
          jq-syntax-bare-if.yaml            | 1  | jq-syntax               | ERROR    | 8    | 11  | /do/0/maybe/if                                       | jq does not compile: unexpected end of expression at column 6 in '.age >'
          jq-undefined-variable.yaml        | 1  | jq-undefined-variable   | ERROR    | 14   | 21  | /do/0/loop/do/0/visit/set/name                       | $pett is not defined here; the variables in scope are $authorization, $context, $index, $input, $output, $pet,
          bad-duration-months.yaml          | 1  | bad-duration            | ERROR    | 8    | 13  | /do/0/pause/wait                                     | 'P1M' uses calendar years or months, which have no fixed length; write days instead (P30D)
          bad-duration-negative.yaml        | 1  | bad-duration            | ERROR    | 9    | 9   | /do/0/pause/wait                                     | seconds is -5; a duration's parts must be whole numbers of 0 or more
          bad-duration-format.yaml          | 1  | schema                  | ERROR    | 8    | 13  | /do/0/pause/wait                                     | '5 minutes' is not a duration: write ISO 8601 (PT30S, P1DT2H)
          bad-cron.yaml                     | 1  | bad-cron                | ERROR    | 7    | 9   | /schedule/cron                                       | '0 25 * * *' is not a cron expression: Failed to parse cron expression. Value 25 not in range [0, 23]
          unreachable-task.yaml             | 1  | unreachable-task        | WARNING  | 11   | 5   | /do/1/orphan                                         | task 'orphan' is never run: the task before it does not continue to it and no 'then' names it
          unsupported-grpc.yaml             | 1  | unsupported-feature     | WARNING  | 8    | 7   | /do/0/greet/call                                     | gRPC calls are not supported by Swirl yet
          unsupported-dsl-version.yaml      | 1  | unsupported-dsl-version | ERROR    | 2    | 8   | /document/dsl                                        | Swirl runs DSL 1.0.x; this document declares '0.9.0'
          missing-required-property.yaml    | 1  | schema                  | ERROR    | 9    | 7   | /do/0/getPet/with                                    | missing required property 'endpoint'; add it
          not-a-task.yaml                   | 1  | schema                  | ERROR    | 7    | 5   | /do/0/getPet                                         | 'getPet' is not a task: a task needs exactly one of call, do, emit, for, fork, listen, raise, run, set, switch, try or wait; did you mean 'call'?
          bad-yaml.yaml                     | 1  | syntax                  | ERROR    | 9    | 17  | ''                                                   | not well-formed YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>
          """)
  void broken_definition_yields_exactly_the_expected_diagnostic(
      String file,
      int of,
      String code,
      Severity severity,
      int line,
      int column,
      String pointer,
      String message) {
    ValidationResult result = VALIDATOR.validate(BROKEN.resolve(file));
    List<Diagnostic> diagnostics = result.diagnostics();
    assertThat(diagnostics).as(diagnostics.toString()).hasSize(of);
    List<Diagnostic> matching = diagnostics.stream().filter(d -> d.code().equals(code)).toList();
    assertThat(matching).as(diagnostics.toString()).hasSize(1);
    Diagnostic d = matching.get(0);
    assertThat(d.severity()).isEqualTo(severity);
    assertThat(d.pointer()).isEqualTo(pointer);
    assertThat(d.line()).as("line").isEqualTo(line);
    assertThat(d.column()).as("column").isEqualTo(column);
    assertThat(d.message()).contains(message);
    assertThat(d.file()).endsWith(file);
  }
}
