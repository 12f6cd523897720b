; Inno Setup script for TIPDesk on Windows: `iscc build\installer.iss` after
; `pyinstaller --workpath build\pyinstaller --distpath dist --noconfirm tipdesk.spec`.
; Writes dist\TIPDesk-<version>-setup.exe. See docs\install.md.
;
; - Per-user install: no administrator rights are needed (most district laptops are locked
;   down). The program goes to %LOCALAPPDATA%\Programs\TIPDesk, shortcuts to the user's Start
;   menu (and the desktop if asked).
; - The records are NOT in the program folder: they live in the user's data folder
;   (%LOCALAPPDATA%\tipdesk, or TIPDESK_HOME). Uninstalling removes the program only; the
;   encrypted store, key file, outbox and logs stay where they are, so a reinstall or an
;   upgrade finds them again.
; - The version comes from the package: pass it on the command line when it changes,
;   `iscc /DAppVersion=0.2.0 build\installer.iss` (the default below follows
;   tipdesk/__init__.py; tests/unit/test_packaging.py checks they agree).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "TIPDesk"
#define AppExe "tipdesk.exe"

[Setup]
; A fixed id: upgrades replace the same install. Never change it.
AppId={{6E0B5F0C-3C1B-4F57-9B0E-2A7C1D5E8F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=TIPDesk project
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..
OutputDir=dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=build\tipdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder app built by PyInstaller.
Source: "dist\tipdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program's libraries wholesale (never the data folder).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder: officers' records are never removed by an
; uninstall. Deleting them is a deliberate step (docs\install.md, "Removing TIPDesk").
