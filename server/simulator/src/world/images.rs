//! Public images (`/images/basics`) and cloud images (`/images/cloud-images`), and which plans
//! can install them.

use crate::world::catalogue::Plan;

pub struct Image {
    pub id: u32,
    pub name: &'static str,
    pub description: &'static str,
    pub so_base: &'static str,
    pub version: &'static str,
    pub created: &'static str,
    pub cloud: bool,
    /// Cloud images that only make sense with an accelerator.
    pub gpu_only: bool,
}

impl Image {
    pub fn windows(&self) -> bool {
        self.so_base == "windows"
    }

    pub fn notes(&self) -> String {
        if self.cloud {
            format!("{} (cloud image)", self.description)
        } else {
            format!("{} disk image", self.description)
        }
    }

    /// Whether this image can be installed on `plan` (Windows only on `W` plans, and back).
    pub fn fits(&self, plan: &Plan) -> bool {
        let accel = plan.gpu > 0;
        self.windows() == plan.windows && (!self.gpu_only || accel)
    }
}

const fn image(
    id: u32,
    name: &'static str,
    description: &'static str,
    so_base: &'static str,
    version: &'static str,
    created: &'static str,
) -> Image {
    Image {
        id,
        name,
        description,
        so_base,
        version,
        created,
        cloud: false,
        gpu_only: false,
    }
}

pub const IMAGES: &[Image] = &[
    image(
        501,
        "ubuntu-2004",
        "Ubuntu Linux 20.04 LTS",
        "ubuntu",
        "2004",
        "2020-05-04T10:12:40+00:00",
    ),
    image(
        509,
        "ubuntu-2204",
        "Ubuntu Linux 22.04 LTS",
        "ubuntu",
        "2204",
        "2022-09-02T12:38:46+00:00",
    ),
    image(
        530,
        "ubuntu-2404",
        "Ubuntu Linux 24.04 LTS",
        "ubuntu",
        "2404",
        "2024-05-13T09:20:11+00:00",
    ),
    image(
        450,
        "debian-10",
        "Debian Linux 10",
        "debian",
        "10",
        "2019-07-22T08:41:02+00:00",
    ),
    image(
        480,
        "debian-11",
        "Debian Linux 11",
        "debian",
        "11",
        "2021-08-30T14:05:19+00:00",
    ),
    image(
        520,
        "debian-12",
        "Debian Linux 12",
        "debian",
        "12",
        "2023-06-19T11:47:33+00:00",
    ),
    image(
        470,
        "almalinux-8",
        "AlmaLinux 8",
        "almalinux",
        "8",
        "2021-04-12T15:30:00+00:00",
    ),
    image(
        510,
        "almalinux-9",
        "AlmaLinux 9",
        "almalinux",
        "9",
        "2022-06-01T09:00:00+00:00",
    ),
    image(
        430,
        "windows-2016",
        "Windows Server 2016",
        "windows",
        "2016",
        "2019-10-02T16:48:18+00:00",
    ),
    image(
        460,
        "windows-2019",
        "Windows Server 2019",
        "windows",
        "2019",
        "2020-02-10T10:10:10+00:00",
    ),
    image(
        515,
        "windows-2022",
        "Windows Server 2022",
        "windows",
        "2022",
        "2022-11-21T13:14:15+00:00",
    ),
    Image {
        id: 40,
        name: "sci-gpu-seeweb-ai-ubuntu-2204",
        description: "Python AI Toolkit",
        so_base: "ubuntu",
        version: "2204",
        created: "2024-06-24T10:44:15.494000+00:00",
        cloud: true,
        gpu_only: true,
    },
    Image {
        id: 41,
        name: "sci-gromacs-2022.2-ubuntu-2204",
        description: "Gromacs 2022.2",
        so_base: "ubuntu",
        version: "2204",
        created: "2024-06-24T10:44:41.206000+00:00",
        cloud: true,
        gpu_only: true,
    },
    Image {
        id: 45,
        name: "sci-docker-ubuntu-2404",
        description: "Docker CE on Ubuntu Linux 24.04 LTS",
        so_base: "ubuntu",
        version: "2404",
        created: "2024-09-09T08:00:00.000000+00:00",
        cloud: true,
        gpu_only: false,
    },
];

pub fn image_named(name: &str) -> Option<&'static Image> {
    IMAGES.iter().find(|i| i.name == name.trim())
}
