package dev.stonegarden.render.appset;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code AppProject} per project name ({@code argocd.project}: per team with {@code {{team}}},
 * per service with {@code {{service}}}), docs/appset.md#appprojects: the repository as the only
 * source, exactly the namespaces of its services' environments (on their clusters) as destinations,
 * the Namespace as the only cluster-scoped kind, namespaced kinds unrestricted, and a role for the
 * owning team's SSO group. A namespace claimed by two projects is an error: one team's Applications
 * could then deploy into the other's namespace.
 */
public final class AppProjects {
  /** Argo CD's built-in project: never generated (it would replace the installation's own). */
  static final String DEFAULT_PROJECT = "default";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AppProjects() {}

  /** One service as the projects see it. */
  public record Input(
      ServiceSpec service, PlatformSettings platform, String project, String repoUrl) {}

  /**
   * A generated AppProject.
   *
   * @param teams the teams whose services it holds, sorted
   */
  public record Project(String name, List<String> teams, ObjectNode object) {}

  /** A destination: a cluster by URL ({@code server}) or by name, and a namespace. */
  private record Destination(String server, String name, String namespace)
      implements Comparable<Destination> {
    String key() {
      return (server != null ? "server " + server : "name " + name) + " namespace " + namespace;
    }

    @Override
    public int compareTo(Destination o) {
      return key().compareTo(o.key());
    }
  }

  /**
   * The projects of {@code inputs}, sorted by name.
   *
   * @throws InputException when two projects claim one namespace of one cluster
   */
  public static List<Project> build(List<Input> inputs) {
    Map<String, List<Input>> byProject = new TreeMap<>();
    for (Input in : inputs) {
      byProject.computeIfAbsent(in.project(), k -> new ArrayList<>()).add(in);
    }
    claims(inputs);
    List<Project> projects = new ArrayList<>();
    for (Map.Entry<String, List<Input>> e : byProject.entrySet()) {
      if (e.getKey().equals(DEFAULT_PROJECT)) {
        continue;
      }
      projects.add(project(e.getKey(), e.getValue()));
    }
    return List.copyOf(projects);
  }

  private static void claims(List<Input> inputs) {
    Problems problems = new Problems();
    Map<String, Input> owner = new LinkedHashMap<>();
    for (Input in : inputs) {
      for (ServiceSpec.Environment env : in.service().environments()) {
        Destination d = destination(in.platform(), env);
        Input other = owner.putIfAbsent(d.key(), in);
        if (other != null && !other.project().equals(in.project())) {
          problems.error(
              in.service()
                  .sourceMap()
                  .positionOf("/spec/environments/" + env.index() + "/namespace"),
              "namespace "
                  + env.namespace()
                  + " on cluster "
                  + ApplicationSetGenerator.cluster(env)
                  + " is also a namespace of "
                  + other.service().name()
                  + " in AppProject "
                  + other.project()
                  + ": a project's Applications may deploy only into its own namespaces;"
                  + " give this environment a namespace of its own");
        }
      }
    }
    problems.throwIfErrors();
  }

  private static Destination destination(PlatformSettings platform, ServiceSpec.Environment env) {
    String cluster = ApplicationSetGenerator.cluster(env);
    String server = platform.clusters().get(cluster);
    return server == null
        ? new Destination(null, cluster, env.namespace())
        : new Destination(server, null, env.namespace());
  }

  private static Project project(String name, List<Input> members) {
    Input first = members.get(0);
    PlatformSettings platform = first.platform();
    TreeSet<String> teams = new TreeSet<>();
    TreeSet<String> repos = new TreeSet<>();
    TreeSet<Destination> destinations = new TreeSet<>();
    for (Input in : members) {
      teams.add(in.service().owner().team());
      repos.add(in.repoUrl());
      for (ServiceSpec.Environment env : in.service().environments()) {
        destinations.add(destination(in.platform(), env));
      }
    }
    ObjectNode p = NODES.objectNode();
    p.put("apiVersion", ApplicationSetGenerator.API_VERSION);
    p.put("kind", "AppProject");
    ObjectNode meta = p.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", platform.argocd().namespace());
    if (teams.size() == 1) {
      meta.putObject("labels").put(platform.labelDomain() + "/team", teams.first());
    }
    ObjectNode spec = p.putObject("spec");
    spec.put(
        "description",
        "Services of team " + String.join(", ", teams) + " (generated by platform-render appset)");
    ArrayNode sources = spec.putArray("sourceRepos");
    repos.forEach(sources::add);
    ArrayNode dest = spec.putArray("destinations");
    for (Destination d : destinations) {
      ObjectNode o = dest.addObject();
      if (d.server() != null) {
        o.put("server", d.server());
      } else {
        o.put("name", d.name());
      }
      o.put("namespace", d.namespace());
    }
    // What renders emit at cluster scope: the environment's Namespace, nothing else.
    ObjectNode ns = spec.putArray("clusterResourceWhitelist").addObject();
    ns.put("group", "");
    ns.put("kind", "Namespace");
    ObjectNode any = spec.putArray("namespaceResourceWhitelist").addObject();
    any.put("group", "*");
    any.put("kind", "*");
    ArrayNode roles = spec.putArray("roles");
    for (String team : teams) {
      ObjectNode role = roles.addObject();
      role.put("name", team);
      role.put("description", "Team " + team + ": every action on the project's Applications");
      role.putArray("groups").add(ssoGroup(platform, team));
      role.putArray("policies")
          .add("p, proj:" + name + ":" + team + ", applications, *, " + name + "/*, allow");
    }
    return new Project(name, List.copyOf(teams), p);
  }

  /** {@code argocd.ssoGroup} with {@code {{team}}} substituted (default: the team's name). */
  static String ssoGroup(PlatformSettings platform, String team) {
    return platform.argocd().ssoGroup().replace("{{team}}", team);
  }
}
