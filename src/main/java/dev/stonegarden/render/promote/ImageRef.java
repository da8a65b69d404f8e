package dev.stonegarden.render.promote;

/**
 * A container image reference split the way registries read it: {@code repository[:tag][@digest]}.
 * A colon before the last '/' belongs to a registry port ({@code registry:5000/app}), not to a tag.
 *
 * @param tag null when there is none
 * @param digest null when there is none
 */
public record ImageRef(String repository, String tag, String digest) {

  public static ImageRef parse(String image) {
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new ImageRef(rest, tag == null || tag.isEmpty() ? null : tag, digest);
  }

  /**
   * What values.yaml's {@code image.tag} takes to run exactly this image: the tag, the tag with its
   * digest, or the digest alone; null when the reference has neither.
   */
  public String version() {
    if (digest != null) {
      return tag == null ? digest : tag + "@" + digest;
    }
    return tag;
  }
}
