/** The options that chose the database and banks, repeated in the commands aws-quiz suggests. */
export function keptOptions(options: { db?: string | undefined; questions?: string[] | undefined }): string[] {
  return [...(options.db ? ['--db', options.db] : []), ...(options.questions ?? []).flatMap((q) => ['--questions', q])];
}
