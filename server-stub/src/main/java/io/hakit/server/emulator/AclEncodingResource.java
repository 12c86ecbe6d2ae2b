package io.hakit.server.emulator;

import io.hakit.server.emulator.api.AclEncodingApi;
import io.hakit.server.emulator.api.model.AclEncodingSetting;
import io.hakit.server.resources.AclEncoding;
import jakarta.ws.rs.core.Response;

/** Strict or lenient reading of the ACL address in a delete path. */
public final class AclEncodingResource implements AclEncodingApi {

    private final AclEncoding encoding;

    public AclEncodingResource(AclEncoding encoding) {
        this.encoding = encoding;
    }

    @Override
    public Response readAclEncoding() {
        return ControlResponses.json(200, setting());
    }

    @Override
    public Response setAclEncoding(AclEncodingSetting request) {
        encoding.strict(request.getMode() == AclEncodingSetting.ModeEnum.STRICT);
        return ControlResponses.json(200, setting());
    }

    private AclEncodingSetting setting() {
        return new AclEncodingSetting().mode(encoding.strict() ? AclEncodingSetting.ModeEnum.STRICT
                : AclEncodingSetting.ModeEnum.LENIENT);
    }
}
