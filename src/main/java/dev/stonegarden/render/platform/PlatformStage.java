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
 * the platform's transformers and generators, then the checks (docs/rendering.md#checks).
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
   * Runs the steps on {@code overlayOutput} (changed in place) and then the checks; collects every
   * problem.
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
    for (Transformer step : steps(ctx)) {
      String line = step.toString();
      if (!line.isEmpty()) { // a step that never applies to this service says nothing
        trace.accept(line);
      }
      problems.collect(() -> step.transform(overlayOutput));
    }
    problems.addAll(
        new AnalysisTemplateGenerator(ctx.service(), ctx.environment(), ctx.platform())
            .gateWarnings(overlayOutput));
    if (fromOverlay > 0) {
      problems.addAll(
          new CanaryRolloutTransformer(ctx.service(), ctx.environment(), ctx.kubeApiVersions())
              .unusedRolloutWarnings(overlayOutput));
    }
    problems.addAll(new DarkLaunchRoutes(ctx.service(), ctx.environment()).warnings(overlayOutput));
    problems.addAll(new QueryCheck(ctx.service()).check(overlayOutput));
    problems.addAll(new CanaryWeights(ctx.service(), ctx.environment()).warnings(overlayOutput));
    problems.addAll(WorkloadChecks.check(overlayOutput, ctx.environment().rollout() != null));
    problems.addAll(
        new PlatformChecks(ctx.values(), ctx.overlayDirectory(), fromOverlay).check(overlayOutput));
    problems.throwIfErrors();
    return problems.warnings();
  }
}
