package io.hakit.server.domain;

import java.util.Locale;

/** A backup goes NEW, then BUILDING half way through, then COMPLETED with a size and a location. */
final class BackupSteps {

    static final String START = "backupStart";
    static final String FINISH = "backupFinish";

    private BackupSteps() {}

    /** A plausible compressed size: 0.14 GB per GB of volume (fidelity.md), in GB with two decimals. */
    static double sizeGb(Backup backup) {
        return Math.round(backup.volumeSize() * 14.0) / 100.0;
    }

    static String location(String region, Backup backup) {
        return "https://storage101." + region.toLowerCase(Locale.ROOT) + "1.clouddrive.com/v1/MossoCloudFS_"
                + backup.accountId() + "/z_CLOUDDB_BACKUPS/" + backup.id() + ".xbstream.gz";
    }
}
