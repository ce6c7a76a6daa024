/**
 * The compiled workflow plan the interpreter runs: {@link io.swirl.dsl.plan.WorkflowPlan}, its
 * {@link io.swirl.dsl.plan.TaskList}s of {@link io.swirl.dsl.plan.TaskNode}s (one record per task
 * type), resolved {@link io.swirl.dsl.plan.FlowTarget}s, and precompiled {@link
 * io.swirl.dsl.plan.Expression}s and {@link io.swirl.dsl.plan.ValueTemplate}s. Built by {@link
 * io.swirl.dsl.WorkflowCompiler}; {@code io.swirl.dsl.plan.internal} holds the compiler and is not
 * API.
 *
 * <p>Mapping to the engine: {@code call} and {@code run: shell|script|container} are activities
 * ({@code activityName()}), {@code run: workflow} a child orchestration, {@code wait} and {@code
 * timeout} durable timers, {@code listen} event subscriptions ({@link
 * io.swirl.dsl.plan.WorkflowPlan#subscriptions()}), {@code emit} a publish through the outbox,
 * {@code catch.retry} a retry policy with durable backoff timers.
 */
package io.swirl.dsl.plan;
