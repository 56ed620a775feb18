package dev.signoff.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the registry lives and how a node keeps up with the others.
 *
 * @param datasource          JNDI name of the server DataSource; empty for the embedded Derby database
 * @param derbyDatabase       the embedded Derby database's name or path
 * @param pushesRevocations   announce ends to every node and listen for theirs, where the database can (PostgreSQL)
 * @param pendingEnds         the directory where a node keeps ends it could not store, so they outlive
 *                            the node; empty: in memory only
 */
public record RegistrySettings(Optional<String> datasource, String derbyDatabase, boolean pushesRevocations,
                               Optional<Path> pendingEnds) {
}
