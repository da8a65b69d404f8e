package dev.stonegarden.render.argocd;

import java.util.List;
import java.util.Map;

/**
 * One element of {@code ARGOCD_APP_PARAMETERS} as Argo CD sent it: a name and any of the three
 * value forms, each {@code null} when the element does not carry it
 * (docs/argocd.md#how-argo-cd-passes-parameters: nothing stops an element from carrying all three).
 *
 * @param map insertion-ordered (Argo CD sorts the keys)
 */
public record PluginParameter(
    String name, String string, List<String> array, Map<String, String> map) {

  public PluginParameter {
    array = array == null ? null : List.copyOf(array);
    map =
        map == null
            ? null
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
  }

  /**
   * The forms this element carries, in Argo CD's key order ({@code array}, {@code map}, {@code
   * string}).
   */
  public List<ParameterForm> forms() {
    List<ParameterForm> forms = new java.util.ArrayList<>(3);
    if (array != null) {
      forms.add(ParameterForm.ARRAY);
    }
    if (map != null) {
      forms.add(ParameterForm.MAP);
    }
    if (string != null) {
      forms.add(ParameterForm.STRING);
    }
    return List.copyOf(forms);
  }
}
