package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CanaryWeightsTest {
  /**
   * {replicas, weight, maxSurge} -> {canary, stable}: rows of argo-rollouts' {@code
   * TestApproximateWeightedNewStableReplicaCounts} (utils/replicaset/canary_test.go), then the
   * issue's (1 replica at setWeight 10 is a 50/50 split, 2 replicas 33 %) and the golden cases'.
   */
  @Test
  void replicaCountsAsArgoRolloutsChoosesThem() {
    int[][] cases = {
      // upstream's table
      {1, 1, 0, 0, 1},
      {1, 49, 0, 0, 1},
      {1, 50, 0, 1, 0},
      {1, 1, 1, 1, 1},
      {1, 100, 1, 1, 0},
      {2, 1, 0, 1, 1},
      {2, 99, 0, 1, 1},
      {2, 1, 1, 1, 2},
      {2, 50, 1, 1, 1},
      {2, 99, 1, 2, 1},
      // the and the golden cases'
      {1, 10, 1, 1, 1},
      {2, 10, 1, 1, 2},
      {2, 20, 1, 1, 2},
      {3, 20, 1, 1, 3},
      {4, 20, 1, 1, 4},
    };
    for (int[] c : cases) {
      assertArrayEquals(
          new int[] {c[3], c[4]},
          CanaryWeights.split(c[0], c[1], c[2]),
          "replicas " + c[0] + " weight " + c[1] + " surge " + c[2]);
    }
  }

  @Test
  void maxSurgeDefaultsToAQuarterRoundedUp() {
    assertEquals(1, CanaryWeights.surge(null, 1));
    assertEquals(3, CanaryWeights.surge(null, 10));
    assertEquals(2, CanaryWeights.surge(Nodes.JSON.numberNode(2), 10));
    assertEquals(5, CanaryWeights.surge(Nodes.JSON.stringNode("50%"), 10));
  }
}
