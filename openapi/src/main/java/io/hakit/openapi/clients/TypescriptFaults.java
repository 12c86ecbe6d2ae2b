package io.hakit.openapi.clients;

/**
 * The TypeScript both TypeScript layers share (typescript-fetch's and openapi-fetch's {@code HaApi}): the
 * {@code HaFault} class, and how a fault's body and the Retry-After header become one; each layer says only how
 * its client hands over a failed answer.
 */
final class TypescriptFaults {

    static final String READING = """
                /**
                 * A fault the service answered: the status, the fault's name, its message, its details (when it has them) and
                 * retryAfter, the seconds to wait before asking again (the fault's retryAfter, else the Retry-After header;
                 * undefined when neither).
                 */
                export class HaFault extends Error {
                    constructor(readonly status: number, readonly faultName: string, readonly faultMessage: string,
                                readonly details?: string, readonly retryAfter?: number) {
                        super(`${faultName} (${status}): ${faultMessage}`);
                    }
                }

                type FaultBody = { message?: string; details?: unknown; retryAfter?: unknown };

                function seconds(value: unknown): number | undefined {
                    const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
                    return /^[0-9]+$/.test(text) ? Number(text) : undefined;
                }

                function faultOf(status: number, name: string, inner: FaultBody | undefined, headers: Headers): HaFault {
                    const details = inner?.details === undefined || inner?.details === null ? undefined : String(inner.details);
                    return new HaFault(status, name, inner?.message ?? '', details,
                        seconds(inner?.retryAfter) ?? seconds(headers.get('Retry-After')));
                }

                """;

    private TypescriptFaults() {}
}
