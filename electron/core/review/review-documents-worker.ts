// The review's document verification thread (verify-documents-in-two-threads.ts): runs one
// documents job (documents-verify-job.ts). Bundled as electron/review-documents-worker.mjs beside
// the audit thread's bundle (scripts/build-node.mjs), and kept apart from it: the verifier
// brings the PDF writer, its fonts' parser and the signature code (some 4 MB of JavaScript) that
// the audit thread, started beside every issue, does not need.
import { workerData } from 'node:worker_threads';
import { isDocumentsVerifyJob, runDocumentsVerifyJob } from './documents-verify-job';

if (isDocumentsVerifyJob(workerData)) void runDocumentsVerifyJob(workerData);
