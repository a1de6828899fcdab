// The part of unzipper 0.10 (exceljs's own zip reader) used to open a workbook by its central directory.
declare module "unzipper" {
  import type { Readable } from "node:stream";
  interface CentralDirectoryFile {
    path: string;
    type: "File" | "Directory";
    stream: () => Readable;
  }
  interface CentralDirectory {
    files: CentralDirectoryFile[];
  }
  export const Open: { buffer: (data: Buffer) => Promise<CentralDirectory> };
}
