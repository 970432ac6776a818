#!/usr/bin/env node
// Offline validation of the Kubernetes manifests under k8s/ (no cluster, no network).
//
//   node .ci/k8s-validate/validate.mjs k8s                  every *.yaml / *.yml under k8s/, recursively
//   kubectl kustomize k8s/base | node .ci/k8s-validate/validate.mjs --rendered "k8s/base (kustomize build)" -
//                                                            the rendered output of a kustomization
//
// For every YAML document:
//   * YAML syntax (parsed as YAML 1.1 like Kubernetes does, duplicate keys rejected);
//   * Kustomization files: every referenced local file / directory exists, no remote bases, no
//     secret example (or secretGenerator literals) is referenced, and every manifest beside a
//     kustomization.yaml is referenced by it (a forgotten file is an error);
//   * Kubernetes objects: the model class for apiVersion/kind from `kubernetes-models` (an unknown
//     kind is an error) and its JSON-schema `.validate()`; files used only as kustomize patches are
//     partial by design and get the kind check only (the rendered check covers the merged result);
//   * our own rules (policy): see checkWorkload / checkDeployment / checkAccordConfig /
//     checkCrossReferences below.
//
// Exit status 0 and "<label>: N documents valid" on success; otherwise every problem is printed
// as "<file>:<line>: <object>: <message>" and the exit status is 1.
//
// Limitation: the Kubernetes OpenAPI schemas allow unknown fields, so a misspelt optional field is
// not a schema error; the policy rules below catch it for the fields that matter to us (probes,
// resources, securityContext, ...).

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { LineCounter, parseAllDocuments } from 'yaml';

const KUSTOMIZE_API_VERSIONS = new Set([
  'kustomize.config.k8s.io/v1beta1',
  'kustomize.config.k8s.io/v1alpha1',
]);
const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const SECRET_EXAMPLE_RE = /\.example\.ya?ml$/;
const PLACEHOLDER_RE = /change-?me|placeholder|example/i;
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);
const SERVING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

const errors = [];
let malformed = 0; // YAML, schema and unknown-kind errors: the object set is incomplete

function fail(where, message) {
  errors.push(`${where}: ${message}`);
}

function failMalformed(where, message) {
  malformed++;
  fail(where, message);
}

function usage() {
  console.error('usage: validate.mjs <dir-or-file>...\n       validate.mjs --rendered <label> <file-or->');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Reading YAML

function listYamlFiles(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) {
    fail(target, 'no such file or directory');
    return [];
  }
  if (stat.isFile()) return [target];
  const out = [];
  for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(target, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      out.push(...listYamlFiles(p));
    } else if (/\.ya?ml$/.test(entry.name) || entry.name === 'Kustomization') {
      out.push(p);
    }
  }
  return out;
}

/** Parses a YAML stream; returns [{file, line, obj}] for non-empty documents, records syntax errors. */
function parseYaml(file, text) {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
    // Kubernetes (sigs.k8s.io/yaml) reads YAML 1.1: an unquoted yes/no/on/off is a boolean there.
    version: '1.1',
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const out = [];
  for (const doc of list) {
    const line = lineCounter.linePos(doc.range?.[0] ?? 0).line;
    const problems = [...doc.errors, ...doc.warnings];
    if (problems.length > 0) {
      for (const e of problems) failMalformed(file, `YAML ${e.name === 'YAMLWarning' ? 'warning' : 'syntax error'}: ${e.message.trim()}`);
      continue;
    }
    if (doc.contents === null) continue; // empty document (e.g. a trailing ---)
    let obj;
    try {
      obj = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      failMalformed(`${file}:${line}`, `YAML error: ${e.message}`);
      continue;
    }
    if (obj === null || obj === undefined) continue;
    out.push({ file, line, obj });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes models

const modelCache = new Map();

/** The kubernetes-models class for apiVersion/kind, or null when there is none. */
async function loadModel(apiVersion, kind) {
  // Strict shapes: the strings become part of a module specifier.
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return null;
  if (!/^([a-z0-9]([a-z0-9.-]*[a-z0-9])?\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) return null;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  const key = `${apiVersion}/${kind}`;
  if (modelCache.has(key)) return modelCache.get(key);
  let model = null;
  try {
    const mod = await import(`kubernetes-models/${apiVersion}/${kind}`);
    const cls = mod[kind];
    // Sub-objects (e.g. apps/v1/DeploymentSpec) are exported too; only accept top-level kinds.
    if (typeof cls === 'function' && cls.kind === kind && cls.apiVersion === apiVersion) model = cls;
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' && e?.code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw e;
  }
  modelCache.set(key, model);
  return model;
}

function formatSchemaErrors(e) {
  const list = Array.isArray(e?.errors) ? e.errors : null;
  if (!list || list.length === 0) return [String(e?.message ?? e)];
  return list.map((err) => {
    const at = err.instancePath || '/';
    const p = err.params ?? {};
    let detail = '';
    if (p.allowedValues) detail = ` (allowed: ${p.allowedValues.join(', ')})`;
    else if (p.missingProperty) detail = ` (${p.missingProperty})`;
    else if (p.additionalProperty) detail = ` (${p.additionalProperty})`;
    return `${at} ${err.message}${detail}`;
  });
}

function describe(obj) {
  const ns = obj?.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  return `${obj?.kind ?? '?'} ${ns}${obj?.metadata?.name ?? '?'}`;
}

// ---------------------------------------------------------------------------------------------
// Kustomization checks (source mode only)

function isKustomization(obj) {
  return KUSTOMIZE_API_VERSIONS.has(obj?.apiVersion) && (obj?.kind === 'Kustomization' || obj?.kind === 'Component');
}

/** All local paths a kustomization refers to, as [{field, value}]. */
function kustomizationRefs(k) {
  const refs = [];
  const add = (field, v) => {
    if (typeof v === 'string' && v.length > 0) refs.push({ field, value: v });
  };
  for (const field of ['resources', 'components', 'bases', 'patchesStrategicMerge', 'crds', 'configurations', 'transformers', 'generators', 'validators']) {
    for (const v of k[field] ?? []) add(field, v);
  }
  for (const field of ['patches', 'patchesJson6902', 'replacements']) {
    for (const p of k[field] ?? []) add(field, p?.path);
  }
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    for (const g of k[field] ?? []) {
      for (const f of g?.files ?? []) add(field, String(f).replace(/^[^=]*=/, ''));
      for (const f of g?.envs ?? []) add(field, f);
      if (g?.env) add(field, g.env);
    }
  }
  return refs;
}

function checkKustomization(doc, patchFiles) {
  const { file, line, obj } = doc;
  const where = `${file}:${line}`;
  const dir = path.dirname(file);
  const referenced = new Set();
  for (const { field, value } of kustomizationRefs(obj)) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(value) || value.includes('?ref=')) {
      fail(where, `${field}: remote reference "${value}" is not allowed (validation and builds must work offline)`);
      continue;
    }
    const target = path.resolve(dir, value);
    referenced.add(target);
    if (SECRET_EXAMPLE_RE.test(value) || /secret\.example/i.test(value)) {
      fail(where, `${field}: "${value}" is an example secret and must not be part of the kustomization (create the real Secret out-of-band)`);
    }
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) {
      fail(where, `${field}: "${value}" does not exist (looked for ${path.relative(process.cwd(), target)})`);
    } else if (stat.isDirectory()) {
      if (!KUSTOMIZATION_FILE_NAMES.some((n) => fs.existsSync(path.join(target, n)))) {
        fail(where, `${field}: directory "${value}" has no kustomization.yaml`);
      }
    }
    if (['patches', 'patchesStrategicMerge', 'patchesJson6902'].includes(field)) patchFiles.add(target);
  }
  if (Array.isArray(obj.secretGenerator) && obj.secretGenerator.some((g) => Array.isArray(g?.literals) && g.literals.length > 0)) {
    fail(where, 'secretGenerator.literals would commit secret values; create the Secret out-of-band');
  }
  // Every manifest next to the kustomization must be referenced (or be an example file).
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    if (KUSTOMIZATION_FILE_NAMES.includes(entry.name) || SECRET_EXAMPLE_RE.test(entry.name)) continue;
    if (!referenced.has(path.resolve(dir, entry.name))) {
      fail(where, `${path.join(dir, entry.name)} is not referenced by this kustomization (add it to resources, or name it *.example.yaml)`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Policy rules

function podTemplate(obj) {
  switch (obj.kind) {
    case 'Pod':
      return { metadata: obj.metadata, spec: obj.spec };
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template;
    default:
      return obj.spec?.template;
  }
}

function allContainers(podSpec) {
  return [
    ...(podSpec?.initContainers ?? []).map((c) => ({ c, init: true })),
    ...(podSpec?.containers ?? []).map((c) => ({ c, init: false })),
  ];
}

/** Rules for every container of every workload: image, resources, hardened securityContext. */
function checkWorkload(where, obj) {
  const tpl = podTemplate(obj);
  const podSpec = tpl?.spec;
  if (!podSpec) {
    fail(where, 'has no pod template spec');
    return;
  }
  const podSc = podSpec.securityContext ?? {};
  for (const { c, init } of allContainers(podSpec)) {
    const cw = `${where}: ${init ? 'initContainer' : 'container'} "${c.name}"`;
    const sc = c.securityContext ?? {};
    if (typeof c.image !== 'string' || c.image.trim() === '') fail(cw, 'has no image');
    else if (/:latest$/.test(c.image)) fail(cw, `image "${c.image}" uses the mutable :latest tag`);
    const r = c.resources ?? {};
    if (r.requests?.cpu === undefined) fail(cw, 'resources.requests.cpu is missing');
    if (r.requests?.memory === undefined) fail(cw, 'resources.requests.memory is missing');
    if (r.limits?.memory === undefined) fail(cw, 'resources.limits.memory is missing');
    if (sc.readOnlyRootFilesystem !== true) fail(cw, 'securityContext.readOnlyRootFilesystem must be true');
    if (sc.allowPrivilegeEscalation !== false) fail(cw, 'securityContext.allowPrivilegeEscalation must be false');
    if (sc.privileged === true) fail(cw, 'securityContext.privileged must not be true');
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(cw, 'securityContext.capabilities.drop must include ALL');
    const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
    if (runAsNonRoot !== true) fail(cw, 'runAsNonRoot must be true (container or pod securityContext)');
    const runAsUser = sc.runAsUser ?? podSc.runAsUser;
    if (runAsUser === 0) fail(cw, 'runAsUser must not be 0');
    const seccomp = (sc.seccompProfile ?? podSc.seccompProfile)?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') fail(cw, 'seccompProfile.type must be RuntimeDefault (container or pod securityContext)');
    // Named probe ports must exist on the container.
    const portNames = new Set((c.ports ?? []).map((p) => p.name).filter(Boolean));
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
      if (typeof port === 'string' && !/^\d+$/.test(port) && !portNames.has(port)) fail(cw, `${probe} uses port "${port}", which the container does not declare`);
    }
  }
  for (const v of podSpec.volumes ?? []) {
    if (v.hostPath) fail(where, `volume "${v.name}" is a hostPath volume`);
  }
}

/** Extra rules for the long-running service. */
function checkDeployment(where, obj) {
  const replicas = obj.spec?.replicas ?? 1;
  if (!(replicas >= 2)) fail(where, `spec.replicas must be >= 2 for availability (is ${replicas})`);
  const strategy = obj.spec?.strategy;
  if (strategy?.type !== 'RollingUpdate' || String(strategy?.rollingUpdate?.maxUnavailable) !== '0') {
    fail(where, 'strategy must be RollingUpdate with rollingUpdate.maxUnavailable: 0');
  }
  for (const c of obj.spec?.template?.spec?.containers ?? []) {
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      if (!c[probe]) fail(`${where}: container "${c.name}"`, `${probe} is missing`);
    }
  }
  if (obj.spec?.template?.spec?.terminationGracePeriodSeconds === undefined) {
    fail(where, 'terminationGracePeriodSeconds must be set explicitly');
  }
}

/** Accord-specific settings that are easy to get silently wrong. */
function checkAccordConfig(where, obj) {
  if (obj.kind === 'ConfigMap') {
    const data = obj.data ?? {};
    if ('QUARKUS_LOG_CONSOLE_JSON' in data) {
      fail(where, 'QUARKUS_LOG_CONSOLE_JSON is a deprecated fallback that application.properties overrides; use QUARKUS_LOG_CONSOLE_JSON_ENABLED');
    }
    if (obj.metadata?.name === 'accord-config' && !data.ACCORD_DB_URL) {
      fail(where, 'ACCORD_DB_URL is required (without it the service starts an embedded PostgreSQL on a read-only filesystem)');
    }
  }
  if (obj.kind === 'Deployment') {
    for (const c of obj.spec?.template?.spec?.containers ?? []) {
      const flyway = (c.env ?? []).find((e) => e.name === 'QUARKUS_FLYWAY_MIGRATE_AT_START');
      if (flyway?.value !== 'false') fail(`${where}: container "${c.name}"`, 'must set QUARKUS_FLYWAY_MIGRATE_AT_START="false" (the migration Job migrates)');
    }
  }
}

function selectorMatches(selector, labels) {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** References between objects of one set (the whole tree, or one rendered kustomization). */
function checkCrossReferences(docs, { rendered }) {
  const byKind = (kind) => docs.filter((d) => d.obj.kind === kind);
  const names = (kind) => new Set(byKind(kind).map((d) => d.obj.metadata?.name));
  const configMaps = names('ConfigMap');
  const secrets = names('Secret');
  const serviceAccounts = names('ServiceAccount');
  const jobs = new Map(byKind('Job').map((d) => [d.obj.metadata?.name, d.obj]));
  const workloads = docs.filter((d) => WORKLOAD_KINDS.has(d.obj.kind));
  const where = (d) => `${d.file}:${d.line}: ${describe(d.obj)}`;

  for (const d of workloads) {
    const podSpec = podTemplate(d.obj)?.spec ?? {};
    const sa = podSpec.serviceAccountName;
    if (sa && sa !== 'default' && !serviceAccounts.has(sa)) fail(where(d), `serviceAccountName "${sa}" is not defined`);
    for (const { c } of allContainers(podSpec)) {
      for (const ef of c.envFrom ?? []) {
        const cm = ef.configMapRef;
        if (cm && !cm.optional && !configMaps.has(cm.name)) fail(where(d), `container "${c.name}" envFrom ConfigMap "${cm.name}" is not defined`);
        const s = ef.secretRef;
        // In source mode the Secret must at least be documented by a *.example.yaml; a rendered
        // build never contains it (it is created out-of-band).
        if (!rendered && s && !s.optional && !secrets.has(s.name)) fail(where(d), `container "${c.name}" envFrom Secret "${s.name}" has no example manifest (*.example.yaml)`);
      }
      // A wait-for-job initContainer must name an existing Job that is never garbage-collected.
      if (Array.isArray(c.args) && c.args[0] === 'job' && /k8s-wait-for/.test(c.image ?? '')) {
        const job = jobs.get(c.args[1]);
        if (!job) fail(where(d), `initContainer "${c.name}" waits for Job "${c.args[1]}", which is not defined`);
        else if (job.spec?.ttlSecondsAfterFinished !== undefined) fail(where(d), `Job "${c.args[1]}" sets ttlSecondsAfterFinished: once it is deleted, initContainer "${c.name}" waits forever`);
        if (!podSpec.serviceAccountName || podSpec.serviceAccountName === 'default') fail(where(d), `initContainer "${c.name}" needs a ServiceAccount allowed to read Jobs`);
      }
    }
  }

  for (const d of byKind('Service')) {
    const selector = d.obj.spec?.selector;
    if (!selector) continue;
    const serving = workloads.filter((w) => SERVING_KINDS.has(w.obj.kind) && selectorMatches(selector, podTemplate(w.obj)?.metadata?.labels));
    if (serving.length === 0) fail(where(d), 'selector matches no Deployment/StatefulSet pod template');
    for (const w of workloads.filter((w) => ['Job', 'CronJob', 'Pod'].includes(w.obj.kind))) {
      if (selectorMatches(selector, podTemplate(w.obj)?.metadata?.labels)) fail(where(d), `selector also matches the pods of ${describe(w.obj)}`);
    }
    for (const p of d.obj.spec?.ports ?? []) {
      if (typeof p.targetPort !== 'string') continue;
      for (const w of serving) {
        const declared = (podTemplate(w.obj)?.spec?.containers ?? []).some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort));
        if (!declared) fail(where(d), `targetPort "${p.targetPort}" is not a named port of ${describe(w.obj)}`);
      }
    }
  }

  for (const d of byKind('PodDisruptionBudget')) {
    const selector = d.obj.spec?.selector?.matchLabels;
    if (!workloads.some((w) => SERVING_KINDS.has(w.obj.kind) && selectorMatches(selector, podTemplate(w.obj)?.metadata?.labels))) {
      fail(where(d), 'selector.matchLabels matches no Deployment/StatefulSet pod template');
    }
  }

  for (const d of byKind('RoleBinding')) {
    const ref = d.obj.roleRef;
    if (ref?.kind === 'Role' && !names('Role').has(ref.name)) fail(where(d), `roleRef Role "${ref.name}" is not defined`);
    for (const s of d.obj.subjects ?? []) {
      if (s.kind === 'ServiceAccount' && !serviceAccounts.has(s.name)) fail(where(d), `subject ServiceAccount "${s.name}" is not defined`);
    }
  }
}

/** Secrets in the repository may only be placeholders in *.example.yaml files. */
function checkSecret(where, file, obj, { rendered }) {
  if (rendered) {
    fail(where, 'a rendered kustomization must not contain a Secret (create it out-of-band)');
    return;
  }
  if (!SECRET_EXAMPLE_RE.test(file)) fail(where, 'Secrets may only be committed as placeholder examples in *.example.yaml files');
  if (obj.data && Object.keys(obj.data).length > 0) fail(where, 'example Secrets must use stringData with visible placeholders, not base64 data');
  for (const [k, v] of Object.entries(obj.stringData ?? {})) {
    if (!PLACEHOLDER_RE.test(String(v))) fail(where, `stringData.${k} does not look like a placeholder (use e.g. "change-me")`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  let rendered = false;
  let label;
  let inputs;
  if (argv[0] === '--rendered') {
    if (argv.length !== 3) usage();
    rendered = true;
    label = argv[1];
    inputs = [argv[2]];
  } else {
    if (argv.length === 0 || argv.some((a) => a.startsWith('-'))) usage();
    label = argv.join(' ');
    inputs = argv;
  }

  const docs = [];
  if (rendered) {
    const text = inputs[0] === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(inputs[0], 'utf8');
    if (text.trim() === '') fail(label, 'rendered output is empty');
    docs.push(...parseYaml(label, text));
  } else {
    const files = inputs.flatMap(listYamlFiles);
    if (files.length === 0 && errors.length === 0) fail(label, 'no YAML files found');
    for (const f of files) docs.push(...parseYaml(f, fs.readFileSync(f, 'utf8')));
  }

  // Kustomizations first: they tell which files are (partial) patches.
  const patchFiles = new Set();
  for (const d of docs) {
    if (isKustomization(d.obj)) {
      if (rendered) fail(`${d.file}:${d.line}`, 'unexpected Kustomization in rendered output');
      else checkKustomization(d, patchFiles);
    }
  }

  const objects = [];
  for (const d of docs) {
    const { file, line, obj } = d;
    const where = `${file}:${line}: ${describe(obj)}`;
    if (typeof obj !== 'object' || Array.isArray(obj)) {
      failMalformed(`${file}:${line}`, 'document is not a YAML mapping');
      continue;
    }
    if (isKustomization(obj)) continue;
    if (!obj.apiVersion || !obj.kind) {
      failMalformed(where, 'apiVersion and kind are required');
      continue;
    }
    const Model = await loadModel(obj.apiVersion, obj.kind);
    if (!Model) {
      failMalformed(where, `unknown apiVersion/kind "${obj.apiVersion}/${obj.kind}" (no kubernetes-models class)`);
      continue;
    }
    if (patchFiles.has(path.resolve(file))) continue; // partial by design
    try {
      new Model(obj).validate();
    } catch (e) {
      for (const m of formatSchemaErrors(e)) failMalformed(where, `schema: ${m}`);
      continue;
    }
    if (!obj.metadata?.name) fail(where, 'metadata.name is required');
    if (WORKLOAD_KINDS.has(obj.kind)) checkWorkload(where, obj);
    if (obj.kind === 'Deployment') checkDeployment(where, obj);
    if (obj.kind === 'Secret') checkSecret(where, file, obj, { rendered });
    checkAccordConfig(where, obj);
    objects.push(d);
  }
  // References are only meaningful once every object is well-formed (avoids follow-on noise).
  if (malformed === 0) checkCrossReferences(objects, { rendered });

  if (errors.length > 0) {
    for (const e of errors) console.error(`ERROR ${e}`);
    console.error(`${label}: ${errors.length} problem(s) found`);
    process.exit(1);
  }
  console.log(`${label}: ${docs.length} documents valid`);
}

main().catch((e) => {
  console.error(`ERROR internal: ${e?.stack ?? e}`);
  process.exit(1);
});
