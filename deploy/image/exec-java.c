/*
 * platform-render for the jvm image: exec the jlink'ed java with the image's argument file, then
 * the user's arguments. It exists so that Argo CD's `command: [platform-render, generate]` needs no
 * shell (argocd-cmp-server execs commands directly) and the image needs none either.
 *
 * The java launcher expands @argfiles only before the main class / -jar, so a user argument that
 * starts with '@' is passed to the program unchanged.
 *
 * Build: gcc -static -Os -s -o platform-render exec-java.c
 *        (-DJAVA=... -DARGFILE=... for another layout, e.g. bench/jvm-image-check.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef JAVA
#define JAVA "/opt/platform-render/runtime/bin/java"
#endif
#ifndef ARGFILE
#define ARGFILE "/opt/platform-render/jvm.args"
#endif

int main(int argc, char **argv) {
  char **args = calloc((size_t) argc + 2, sizeof(char *));
  if (args == NULL) {
    fputs("platform-render: out of memory\n", stderr);
    return 4;
  }
  args[0] = "java";
  args[1] = "@" ARGFILE;
  for (int i = 1; i < argc; i++) {
    args[i + 1] = argv[i];
  }
  args[argc + 1] = NULL;
  execv(JAVA, args);
  perror("platform-render: cannot start " JAVA);
  return 4;
}
