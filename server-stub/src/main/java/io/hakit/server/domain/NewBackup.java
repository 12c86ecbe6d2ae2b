package io.hakit.server.domain;

/** What a create-backup request asks for. */
public record NewBackup(String name, String description, String sourceType, String sourceId, String parentId) {}
