package io.swirl.workflows.code;

import io.swirl.engine.Engine;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Human interaction: an expense claim waits for a manager's decision, raced against a durable
 * timer. Approved claims are reimbursed, rejected ones end there, and a claim nobody decided in
 * time is escalated to the finance director.
 */
public final class ExpenseApproval {

  public static final String WORKFLOW = "expenseApproval";

  /** The external event a manager's decision arrives as. */
  public static final String DECISION_EVENT = "managerDecision";

  private ExpenseApproval() {}

  /**
   * A claim.
   *
   * @param decideWithin how long the manager has to decide
   */
  public record ExpenseClaim(String employee, long amountCents, Duration decideWithin) {}

  public record Decision(String manager, boolean approved) {}

  public enum Outcome {
    REIMBURSED,
    REJECTED,
    ESCALATED
  }

  public record ClaimResult(Outcome outcome, String decidedBy) {}

  /** Registers the workflow and its activities, which act on {@code finance}. */
  public static void register(Engine engine, Finance finance) {
    engine.registerActivity(
        "askManager", ctx -> finance.askManager(ctx.getInput(ExpenseClaim.class)));
    engine.registerActivity(
        "reimburse", ctx -> finance.reimburse(ctx.getInput(ExpenseClaim.class)));
    engine.registerActivity(
        "escalateToDirector", ctx -> finance.escalate(ctx.getInput(ExpenseClaim.class)));
    engine.registerOrchestrator(WORKFLOW, ExpenseApproval::run);
  }

  static ClaimResult run(OrchestrationContext ctx) {
    ExpenseClaim claim = ctx.getInput(ExpenseClaim.class);
    ctx.callActivity("askManager", claim, Void.class).await();

    Task<Decision> decision = ctx.waitForExternalEvent(DECISION_EVENT, Decision.class);
    Task<Void> deadline = ctx.createTimer(claim.decideWithin());
    if (ctx.anyOf(List.of(decision, deadline)).await() == deadline) {
      String director = ctx.callActivity("escalateToDirector", claim, String.class).await();
      return new ClaimResult(Outcome.ESCALATED, director);
    }

    Decision answer = decision.await();
    if (!answer.approved()) {
      return new ClaimResult(Outcome.REJECTED, answer.manager());
    }
    ctx.callActivity("reimburse", claim, Void.class).await();
    return new ClaimResult(Outcome.REIMBURSED, answer.manager());
  }

  /** In-memory finance department: who was asked, who was paid, what was escalated. */
  public static final class Finance {

    private final String director;
    private final List<ExpenseClaim> approvalRequests = new CopyOnWriteArrayList<>();
    private final List<ExpenseClaim> reimbursed = new CopyOnWriteArrayList<>();
    private final List<ExpenseClaim> escalated = new CopyOnWriteArrayList<>();

    public Finance(String director) {
      this.director = director;
    }

    String askManager(ExpenseClaim claim) {
      approvalRequests.add(claim);
      return "requested";
    }

    String reimburse(ExpenseClaim claim) {
      reimbursed.add(claim);
      return "paid";
    }

    String escalate(ExpenseClaim claim) {
      escalated.add(claim);
      return director;
    }

    public List<ExpenseClaim> approvalRequests() {
      return List.copyOf(approvalRequests);
    }

    public List<ExpenseClaim> reimbursed() {
      return List.copyOf(reimbursed);
    }

    public List<ExpenseClaim> escalated() {
      return List.copyOf(escalated);
    }
  }
}
