package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dark-launch routes' errors and warning (docs/feature-flags.md#routing-testers-to-the-canary),
 * through the whole command: what each router gets is pinned by the golden cases {@code
 * dark-launch-gatewayapi}, {@code -istio} and {@code -nginx}.
 */
class DarkLaunchRoutesTest {
  @TempDir Path tmp;
  Path shop;

  @BeforeEach
  void copyTheNginxFixture() throws IOException {
    Path from = Path.of("test-fixtures/generate/routing-nginx/app");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path to = tmp.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    shop = tmp.resolve("kubernetes/services/shop");
  }

  record Run(int exit, String out, String err) {}

  Run generate(String router, String steps, String flags) throws IOException {
    Files.writeString(
        shop.resolve("service.yaml"),
        """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata:
          name: shop
        spec:
          owner:
            team: commerce
          environments:
            - name: canary
              namespace: shop-canary
              rollout:
                strategy: canary
                trafficRouting:
                  router: %s
                  nginx: {host: shop.example.com}
                steps:
        %s
          featureFlags:
        %s"""
                .formatted(
                    router, steps.indent(10).stripTrailing(), flags.indent(4).stripTrailing())
            + "\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(
            new String[] {"generate", "--env", "canary", "--repo-root", "../../.."},
            new Invocation(shop, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(exit, out.toString(), err.toString());
  }

  static String flag(String name, String header, String value) {
    return """
        - name: %s
          variants: {on: true, off: false}
          defaultVariant: off
          darkLaunch: {header: %s, value: "%s", variant: on}
        """
        .formatted(name, header, value);
  }

  @Test
  void nginxRoutesOneHeaderSoTwoDifferentDarkLaunchesAreAnError() throws IOException {
    Run r =
        generate(
            "nginx",
            "- setWeight: 10\n- pause: {}",
            flag("new-cart", "X-Dark-Launch", "true") + flag("new-menu", "X-Menu", "true"));
    assertEquals(3, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(
        "service.yaml:27:28: error: router nginx sends one header to the canary, and the dark"
            + " launch of new-cart (line 23) already uses X-Dark-Launch: true; give both dark"
            + " launches the same header and value, or use router gatewayAPI or istio, which route"
            + " each header",
        r.err().lines().filter(l -> l.contains("error:")).findFirst().orElse(r.err()));
  }

  @Test
  void nginxTakesTwoDarkLaunchesThatShareTheirHeader() throws IOException {
    Run r =
        generate(
            "nginx",
            "- setWeight: 10\n- pause: {}",
            flag("new-cart", "X-Dark-Launch", "true") + flag("new-menu", "x-dark-launch", "true"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("canary-by-header: X-Dark-Launch\n"), r.out());
    assertTrue(r.out().contains("canary-by-header-value: \"true\"\n"), r.out());
  }

  @Test
  void aRouteNameAStepAlreadyUsesIsAnErrorAtTheDarkLaunch() throws IOException {
    Run r =
        generate(
            "istio",
            """
            - setHeaderRoute:
                name: dark-launch-new-cart
                match: [{headerName: X-Other, headerValue: {exact: "1"}}]
            - setWeight: 10""",
            flag("new-cart", "X-Dark-Launch", "true"));
    assertEquals(3, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(
        r.err()
            .contains(
                "error: the dark launch of new-cart needs the managed route dark-launch-new-cart"
                    + " in Rollout web, which a step of the rollout already names: rename that"
                    + " route"),
        r.err());
  }

  @Test
  void withoutARouterTheDarkLaunchIsAWarningAtItsHeader() throws IOException {
    Run r =
        generate("none", "- setWeight: 10\n- pause: {}", flag("new-cart", "X-Dark-Launch", "on"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("kind: Rollout"), r.out());
    assertTrue(!r.out().contains("setHeaderRoute") && !r.out().contains("canary-by-header"));
    assertTrue(
        r.err()
            .contains(
                "service.yaml:23:28: warning: the dark launch of new-cart cannot send requests"
                    + " with X-Dark-Launch to the canary of environment canary: it has no traffic"
                    + " router"),
        r.err());
  }
}
