#if canImport(Glibc)
  import Glibc
#endif

func mkdirForTest(_ path: String) -> Bool { mkdir(path, 0o755) == 0 }
