package io.swirl.dsl.validation;

/** The checks the schema cannot make, in the order they report. */
public final class SemanticChecks {

  private SemanticChecks() {}

  /**
   * Runs every semantic check over a document that was read. Safe on documents the schema rejected:
   * shapes a check does not expect are skipped, and findings at pointers the schema already
   * reported are dropped (see {@link Findings#markBroken}).
   */
  public static void run(Findings findings) {
    Walk walk = Walk.of(findings.document().root());
    SupportCheck.run(walk, findings);
    FlowCheck.run(walk, findings);
    ReferenceCheck.run(walk, findings);
    ExpressionCheck.run(walk, findings);
    TimeCheck.run(findings);
  }
}
