/**
 * Field specs and transformer configuration: which fields of which kinds each builtin transformer
 * touches (kustomize's {@code builtinpluginconsts} tables and {@code
 * builtinconfig.TransformerConfig}, extended by {@code configurations:} files). The built-in tables
 * are data in {@code fieldspecs/builtin.txt}.
 */
package dev.stonegarden.render.kustomize.config;
