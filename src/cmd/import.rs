//! `import`: reads a downloaded public file into rows for the datasets folder, shows
//! what changes, and writes the changed dataset files together (atomically), unless
//! `--dry-run`.

use std::path::PathBuf;

use crate::config::{Config, ImportConfig};
use crate::data::DataChoice;
use crate::error::Error;
use crate::import::{self, merge, Downloaded, Format};
use crate::outcome::Outcome;
use crate::output::{Inputs, Kind, Writer};

pub(crate) fn run(config: &Config, args: &ImportConfig) -> Result<Outcome, Error> {
    let DataChoice::Dir(dir) = &config.data else {
        return Err(Error::Usage(
            "import writes into a datasets folder, not the embedded copy: run it where datasets/ is, or give --data DIR".into(),
        ));
    };
    let data = crate::data::load(&config.data)?;
    let member = |name: &str| match args.format {
        Format::Wdi => import::wdi_member(name),
        _ => name.ends_with(".csv") || name.ends_with(".json") || name.ends_with(".asc"),
    };
    let file = Downloaded::open(&args.file, member)?;
    let read = import::read(args.format, &file, &data, &args.options)?;
    let merge = merge::plan(dir, &data, &read, args.options.accept)?;
    let write = !args.dry_run && !merge.files.is_empty();
    if write {
        let files: Vec<(PathBuf, Kind, &[u8])> = merge
            .files
            .iter()
            .map(|f| (f.path.clone(), Kind::Dataset, f.bytes.as_slice()))
            .collect();
        Writer::new(Inputs::of([args.file.as_path()]), false).set(&files)?;
    }
    let text = crate::render::imports::summary(
        &read,
        &merge,
        &file.display,
        &config.data.short(),
        write,
        args.options.accept,
    );
    let warnings = read
        .notices
        .iter()
        .cloned()
        .chain(read.left_out.iter().map(|p| format!("left out: {p}")))
        .collect::<Vec<_>>();
    Ok(Outcome::new(text).warn(warnings))
}
