/**
 * New services: the files {@code new} writes ({@link
 * dev.stonegarden.render.scaffold.ServiceScaffold}), for the platform's pipeline, that render and
 * validate as they are.
 */
package dev.stonegarden.render.scaffold;
