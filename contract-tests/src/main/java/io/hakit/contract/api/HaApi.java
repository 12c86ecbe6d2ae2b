package io.hakit.contract.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The HA API as the scenarios use it, over plain HTTP or through the generated Java client: the same scenarios run
 * over both. Bodies are the wire's JSON.
 */
public interface HaApi {

    /**
     * Whether any JSON can be sent: plain HTTP can, a generated client only what its models can hold (it cannot
     * even express an unknown action).
     */
    boolean sendsAnyJson();

    /** The same API with another token (null: none) on another account's paths. */
    HaApi as(String accountId, String token);

    Answer createGroup(JsonNode body);

    Answer listGroups();

    /** The page of groups after {@code marker}. */
    Answer listGroups(String marker);

    Answer showGroup(String haId);

    Answer deleteGroup(String haId);

    Answer updateGroup(String haId, JsonNode body);

    Answer addAcl(String haId, JsonNode body);

    Answer listAcls(String haId);

    /** {@code encodedAddress} goes into the path as given (the documented form is {@code 1.2.3.4%25252F32}). */
    Answer deleteAcl(String haId, String encodedAddress);

    Answer act(String haId, JsonNode body);

    Answer createBackup(JsonNode body);

    Answer showBackup(String backupId);

    Answer listBackups();

    /** The page of backups after {@code marker}. */
    Answer listBackups(String marker);

    Answer listGroupBackups(String haId);

    Answer deleteBackup(String backupId);

    Answer convertToHa(String instanceId, JsonNode body);

    Answer listConfigurations();

    /** A GET of any path of the service (a link an answer carried), with this API's token. */
    Answer follow(String pathAndQuery);
}
