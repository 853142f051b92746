// A place registers itself with labelling-service through the generated TypeScript client, reads its record back
// once the read model has it, and sends one invalid registration; prints what it saw as one JSON line.
// Environment: LABELLING_URL (http://127.0.0.1:8081), LEDGER_TOKEN (a structure's bearer token, its subject the
// place's id), PLACE_ID (that id), SIRET (a valid SIRET no one registered yet).
import { Configuration, ResponseError, StructuresApi } from "../../target/typescript/labelling";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function required(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
}

async function main(): Promise<void> {
    const placeId = required("PLACE_ID");
    const structures = new StructuresApi(new Configuration({
        basePath: process.env["LABELLING_URL"] ?? "http://127.0.0.1:8081",
        accessToken: required("LEDGER_TOKEN"),
    }));
    const address = { street: "1 place de la Mairie", postcode: "30600", commune: "Vauvert", departement: "30" };

    const accepted = await structures.registerStructure({
        idempotencyKey: crypto.randomUUID(),
        registerStructure: { name: "Espace numérique de Vauvert", siret: required("SIRET"), legalForm: "association", address },
    });

    let place = undefined;
    for (let attempt = 0; place === undefined && attempt < 120; attempt++) {
        try {
            place = await structures.getStructure({ structureId: placeId });
        } catch (e) {
            if (!(e instanceof ResponseError) || e.response.status !== 404) {
                throw e;
            }
            await new Promise((resolve) => setTimeout(resolve, 250)); // the read model follows the topic
        }
    }

    let refusal: { status: number; code?: string; fields?: string[] } | undefined;
    try {
        await structures.registerStructure({
            idempotencyKey: crypto.randomUUID(),
            registerStructure: { name: "", siret: "123", legalForm: "association", address: { ...address, postcode: "ABC" } },
        });
    } catch (e) {
        if (!(e instanceof ResponseError)) {
            throw e;
        }
        const problem = await e.response.json();
        refusal = { status: e.response.status, code: problem.code, fields: (problem.violations ?? []).map((v: { field: string }) => v.field) };
    }

    console.log(JSON.stringify({
        registered: accepted.structureId,
        read: place && { structureId: place.structureId, name: place.name, siret: place.siret, departement: place.departement },
        refusal,
    }));
}

main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
