/** A dossier's lock key and the advisory-lock bucket it falls in (`lockDossiers`, `BatchBuilder`). */
/** The lock key of a dossier (source system + code), for `lockDossiers`. */
export const dossierLockKey = (sourceSystem: string, dossierCode: string) => JSON.stringify([sourceSystem, dossierCode]);

export const LOCK_BUCKETS = 1024;
/** The lock bucket of a dossier lock key (FNV-1a of its UTF-16 code units), 0 … LOCK_BUCKETS − 1. */
export function lockBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (LOCK_BUCKETS - 1);
}
