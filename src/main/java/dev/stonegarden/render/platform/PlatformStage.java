package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.List;
import java.util.function.Consumer;

/**
 * The platform stage of one environment (docs/rendering.md#the-platform-steps): values.yaml, then
 * the platform's transformers and generators ({@link #steps}, the whole stage), then their warnings
 * and the checks ({@link #checks}, docs/rendering.md#checks).
 */
public final class PlatformStage {
  private PlatformStage() {}

  /**
   * The steps, in order, as one literal list: the table of contents of the platform stage. Steps
   * that do not apply to the environment (no rollout, not monitored, no dependencies) do nothing.
   */
  public static List<Transformer> steps(PlatformContext ctx) {
    ServiceSpec service = ctx.service();
    ServiceSpec.Environment env = ctx.environment();
    ServiceSpec.Owner owner = service.owner();
    return List.of(
        new ValuesTransformer(ctx.values()),
        new EnvironmentNamespaceTransformer(
            env.namespace(),
            ctx.argoAppNamespace(),
            Nodes.at(service, Nodes.envPointer(env, "namespace"))),
        new CanaryRolloutTransformer(service, env, ctx.kubeApiVersions()),
        new TrafficRouterGenerator(service, env, ctx.platform()),
        new DarkLaunchRoutes(service, env),
        new Append(new AnalysisTemplateGenerator(service, env, ctx.platform())),
        new PreviewServiceGenerator(service, env),
        new MonitorRelabelTransformer(
            ctx.platform().canary().hashLabel(),
            env.rollout() != null && ctx.platform().canary().relabelMonitors()),
        new Append(new SloRuleGenerator(service, env, ctx.platform())),
        new Append(new DashboardGenerator(service, env, ctx.platform(), ctx.files())),
        new Append(new AlertFileGenerator(service, env, ctx.platform(), ctx.files())),
        new DependencyTransformer(service, ctx.platform()),
        new Append(new NetworkPolicyGenerator(service, env, ctx.platform())),
        new Append(new FeatureFlagGenerator(service, env, ctx.kubeApiVersions())),
        new FlagdInjectionTransformer(service, env),
        new OwnershipLabelTransformer(
            ctx.platform().labelDomain(),
            service.name(),
            owner.team(),
            env.name(),
            owner.slack(),
            owner.email()),
        new SyncSafetyTransformer());
  }

  /**
   * The checks of the finished output (docs/rendering.md#checks), in the order their diagnostics
   * are reported, after the steps' own warnings.
   *
   * @param overlayObjects how many objects the overlay rendered, before any step ran
   */
  public static List<Check> checks(PlatformContext ctx, int overlayObjects) {
    ServiceSpec service = ctx.service();
    ServiceSpec.Environment env = ctx.environment();
    return List.of(
        new RolloutChecks(service, env, overlayObjects),
        new QueryCheck(service),
        new CanaryWeights(service, env),
        new WorkloadChecks(env.rollout() != null),
        new PlatformChecks(ctx.values(), ctx.overlayDirectory(), overlayObjects));
  }

  /**
   * Runs the steps on {@code overlayOutput} (changed in place), then asks every step for its
   * warnings and runs the checks; collects every problem.
   *
   * @return the warnings
   * @throws dev.stonegarden.render.diag.InputException with every diagnostic when any is an error
   */
  public static List<Diagnostic> apply(PlatformContext ctx, ResourceList overlayOutput) {
    return apply(ctx, overlayOutput, step -> {});
  }

  /**
   * {@link #apply(PlatformContext, ResourceList)}, telling {@code trace} each step before it runs
   * ({@code --verbose}).
   */
  public static List<Diagnostic> apply(
      PlatformContext ctx, ResourceList overlayOutput, Consumer<String> trace) {
    Problems problems = new Problems();
    int fromOverlay = overlayOutput.size();
    List<Transformer> steps = steps(ctx);
    for (Transformer step : steps) {
      String line = step.toString();
      if (!line.isEmpty()) { // a step that never applies to this service says nothing
        trace.accept(line);
      }
      problems.collect(() -> step.transform(overlayOutput));
    }
    for (Transformer step : steps) {
      problems.addAll(step.warnings(overlayOutput));
    }
    for (Check check : checks(ctx, fromOverlay)) {
      problems.addAll(check.check(overlayOutput));
    }
    problems.throwIfErrors();
    return problems.warnings();
  }
}
