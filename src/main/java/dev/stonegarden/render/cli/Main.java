package dev.stonegarden.render.cli;

public final class Main {
  public static void main(String[] args) {}
}
